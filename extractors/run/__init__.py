"""The pipeline (the one place that knows the stages' order), workers, Dask, the cache; may import all above."""
