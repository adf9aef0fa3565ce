"""Bytes to text: loading and decoding, the offset map, normalization, segmentation; imports only fangkong.data."""
