"""The counted thing found by its structure: compounds made of a modifier and a head, the noun phrase after
a measure word read through 的-modifiers and quote marks, and what ends it. Sentences written for these tests."""

import pytest

import fangkong

# (sentence, the number's value, expected metric or None for "no fact")
CASES = [
    # compounds no list names, found by modifier + head
    ("全镇设置联防值守岗14个。", 14, "checkpoints"),
    ("在村口设立疫情管控哨3个。", 3, "checkpoints"),
    ("各村设立查验站5处。", 5, "checkpoints"),
    ("设置交通管制点8处。", 8, "checkpoints"),
    ("在各路口设置扫码点20个。", 20, "checkpoints"),
    ("设立疫情防控服务点12个。", 12, "checkpoints"),
    ("设立便民服务点5个。", 5, None),
    ("抽调综治人员20名进驻。", 20, "cadres"),
    ("抽调疾控人员20名进驻。", 20, None),  # medical staff: no cadres (the team marks them optional at most)
    ("出动巡逻干警45人次。", 45, "cadres"),
    ("登记外地车辆118辆次。", 118, "vehicles_checked"),
    ("出动广播车辆6台次。", 6, "publicity_vehicles"),
    ("成立消杀小组8个。", 8, "work_groups"),
    ("成立战时党小组4个。", 4, "temporary_party_branches"),
    ("建立楼栋群36个。", 36, "wechat_groups"),
    ("派送防疫知识手册800余册。", 800, "leaflets"),
    ("设置警示牌40块。", 40, "banners_posters"),
    ("安装高音喇叭22个。", 22, "loudspeakers"),
    ("编发防疫动态信息38条。", 38, "media_posts"),
    # the forms of discipline hold people to account
    ("运用“第一种形态”处理18人次。", 18, "accountability"),
    # people named only by the verb that sends them, however their kind is said
    ("投入各方面力量3900余人轮流值守。", 3900, "cadres"),
    ("走访调查居民4692人。", 4692, "people_screened"),
    ("卡点共监测体温1.5万人次。", 15000, "people_screened"),
    ("截至目前累计出动人员86人次。", 86, "cadres"),
    ("投入网格管控力量800余人。", 800, "cadres"),
    # a modifier that no class lists makes none of its heads' things
    ("排查返乡人员132人。", 132, "people_screened"),
    ("小区共有务工力量300人。", 300, None),
    ("共有务工人员300人。", 300, None),
    # a long modifier ending in 的 does not push the head out of reach
    ("组织12名来自县直机关各个单位的下沉党员参与值守。", 12, "party_members"),
    ("招募了26名家住本村且身体健康的志愿者。", 26, "volunteers"),
    # a list closed by 等 names the head after it
    ("组织80多名党员、网格员、退役军人等志愿者值守。", 80, "volunteers"),
    # goods named first and given after: a verb that says giving, in the clause
    ("他将自己果园的500公斤玫瑰香橙捐献给了前线医务工作者。", 0.5, "donations_goods"),
    ("老人把100箱自家产的土鸡蛋无偿送给医护人员。", 100, "donations_goods"),
    ("上两批捐赠的东西已送达各卡点。", 2, None),
    ("十六组残疾村民邱某也捐了200元。", 16, None),
    ("5家企业捐赠物资。", 5, None),
    ("全镇22个村纷纷捐款捐物。", 22, None),
    # the words after a count that may veto it end at a preposition of a recipient
    ("社区发展协会捐赠防护衣200件给医院。", 200, "donations_goods"),
    ("辖区20个小区的居民自发捐赠物资。", 20, None),
    # a requirement or a plan followed is done; one laid down is not
    ("按照上级要求设置卡点15个。", 15, "checkpoints"),
    ("全镇按计划完成排查1200户。", 1200, "households_screened"),
    ("上级要求各村设立卡点3个。", 3, None),
    ("按照要求，每村计划设立卡点2个。", 2, None),
    # a case word counts the number close after it; farther off it names what the count concerns
    ("排查出确诊病例3人。", 3, None),
    ("在疑似病例所在小区设立卡点3个。", 3, "checkpoints"),
    ("为确诊病例集中隔离点送去口罩3000只。", 3000, "donations_goods"),
    # headlines shorten amounts (捐50万); a pledge (愿捐) is no gift, a voluntary gift (自愿捐款) is
    ("某企业捐50万助力抗疫", 500000, "donations_money"),
    ("爱心人士慷慨解囊10万", 100000, "donations_money"),
    ("他表示愿捐10万元支持抗疫。", 100000, None),
    ("村民自愿捐款3000元。", 3000, "donations_money"),
    # pay or income given away right after it is named is a gift; income beside a gift is not
    ("他把卖菜的收入2000元全部捐给了村里。", 2000, "donations_money"),
    ("退休教师将1个月的退休工资5000元捐出。", 5000, "donations_money"),
    ("店铺营业额1万元，老板捐款500元。", 10000, None),
    # 个 counts volunteers named right before it, not where a preposition makes the number a place
    ("村上像我这样的志愿者有40多个，大家每天轮流来。", 40, "volunteers"),
    ("村上像我这样的志愿服务者有40多个，大家每天轮流来。", 40, "volunteers"),
    # 个 before a noun of people counts people, but not where that noun names a group
    ("成立9个工作队整体推进各项工作。", 9, "work_groups"),
    ("有5个网格员在卡点值守。", 5, "cadres"),
    ("志愿者在18个点位值守。", 18, None),
    # a label of a count (总数, 人数, 数量) is part of the noun's phrase: the noun may stand that much farther back
    ("志愿者总数已突破1000人。", 1000, "volunteers"),
    ("卡点数量目前已有45个。", 45, "checkpoints"),
    # people who join become what follows, 了 or not; 了 still ends the phrase of a count of things
    ("30名村民加入了志愿者队伍。", 30, "volunteers"),
    ("12名大学生成为了志愿者。", 12, "volunteers"),
    ("54个社区均已开展微信群宣传。", 54, None),
    # goods handed out are no gift, unless they are named as given
    ("社区工作人员向居民发放爱心企业捐赠的口罩2000只。", 2000, "donations_goods"),
    ("街道向居民发放区政府免费提供的蔬菜包等保供物资包6.2万份。", 62000, "donations_goods"),
    ("街道向居民发放区政府提供的蔬菜包等保供物资包6.2万份。", 62000, None),
    # a word of giving after a part marker lifts no veto of the total: it speaks of the part
    ("全镇共发放口罩3000只，其中捐赠口罩1000只。", 3000, None),
    ("全镇共发放口罩3000只，其中捐赠口罩1000只。", 1000, "donations_goods"),
    ("全镇共发放口罩3000只（其中捐赠口罩1000只）。", 1000, "donations_goods"),  # an aside is an item of its own
    # an item of a list has its own words veto the list's verb
    ("收到口罩3000只，其中购买1000只。", 1000, None),
    ("收到捐赠物资：口罩3000只，防护服200套，购买的消毒液500瓶。", 500, None),
    ("收到捐赠物资：口罩3000只，防护服200套，购买的消毒液500瓶。", 200, "donations_goods"),
    ("镇政府向村民发放口罩3000只。", 3000, None),
    ("社区干部为居民发放免费蔬菜包11.5万份。", 115000, "donations_goods"),
    # tidying the living environment is no other campaign: it goes with the epidemic's clean-ups
    ("结合人居环境整治，各村共清运垃圾120余吨。", 120, "garbage_removed"),
    # a number joined to a preposition's object names where or to whom as that object does
    ("李建章夫妇为防疫一线卡点和17个村劝导点送去矿泉水。", 17, None),
    ("在主要路口和村口设立卡点12个。", 12, "checkpoints"),
    # readers' reactions (comments, likes) are no published items, though a noun of media stands before them
    ("视频下方上千条点评。", 1000, None),
    # an area takes its verb from the sentence; a site's size is no area disinfected
    ("对农贸市场、车站等重点场所消毒200余次，面积达8万平米。", 80000, "disinfection_area"),
    ("该小区占地3万平方米，社区每天对其进行两次消毒。", 30000, None),
    # checks whose results came back negative were tests
    ("当天共检测8500人次，结果均为阴性。", 8500, "tests_performed"),
    ("卡点共检测过往人员体温1200人次。", 1200, "people_screened"),
    # a weight right after a count of things sizes them
    ("对784个0.5吨垃圾收集箱进行消杀。", 0.5, None),
    ("累计清运垃圾120吨。", 120, "garbage_removed"),
    # 四处 before a verb is an adverb (from everywhere), no count of places
    ("防护衣仅有四处凑来的10套。", 4, None),
    # a label and a colon before a count name what it counts (a line of a table or a list of figures)
    ("本周战疫数据\n志愿者：120人\n卡点：15个", 120, "volunteers"),
    ("本周战疫数据\n志愿者：120人\n卡点：15个", 15, "checkpoints"),
    ("截至目前：15个卡点已全部撤除。", 15, "checkpoints"),
    # a short aside in brackets after a noun names it again: no distance to the head after it
    ("95名到社区报到的机关党员和191名小区(院落)党员骨干参与值守。", 191, "party_members"),
    ("在5个村（社区）设立卡点。", 5, None),
    # quote marks inside the noun phrase are no distance
    ("设立6个“党员先锋岗”。", 6, "party_posts"),
    # a separator ends the noun phrase: the noun beyond it is another phrase's
    ("共有12名，其中志愿者的工作很辛苦。", 12, None),
    # a plain 1 before its noun is an article, "a"; after its noun, or under a giving verb, it counts
    ("每天安排1名执法人员在检测点值守。", 1, None),
    ("小区只留1个出入口。", 1, None),
    ("诫勉谈话1人。", 1, "accountability"),
    ("爱心人士捐赠了1吨消毒液。", 1, "donations_goods"),
    # people counted as themselves: a trigger in a phrase they head is not what they count
    ("3000多名居民在志愿者的引导下有序排队。", 3000, None),
    ("近30名居民主动报名组建志愿队。", 30, "volunteers"),
    ("两位老人听说有人组织大家为宜昌的医护人员送脐橙。", 2, None),       # another clause's noun
    # the noun right after the measure word is what is counted; a 的 after it starts no modifier
    ("全员核酸检测。18个检测点位的物资全都装齐了，送爱心物资。", 18, None),
    ("建立24个居民服务微信群。", 24, "wechat_groups"),                  # the people modify the compound
    ("下设6支群众志愿服务队。", 6, "work_groups"),
    # a worker named right after the count is the subject of the verb after it, not its object
    ("4名同志协助卡点监测体温。", 4, None),  # 同志 names anyone at work: no cadres, and no one checked
    ("4名网格员协助卡点监测体温。", 4, "cadres"),
    ("2111名采样人员协助两区开展核酸检测。", 2111, None),  # medical staff, and no tests either
    # a count of people right before 的 sizes what follows: a group, not people counted
    ("组建了一支500余人的居家观察服务保障队。", 500, None),
    ("组织了一支600人的核酸检测志愿者队伍。", 600, None),
    ("大概有两百多名的党员参与值守。", 200, "party_members"),
    # a number with a noun of its own after it does not take the noun before a 和
    ("组织9名党员和5名社长值守。", 5, None),
    ("组织9名党员和5名社长值守。", 9, "party_members"),
    ("捐赠口罩1000只和900只。", 900, "donations_goods"),
    ("250件防护服和29支防护镜无偿赠送给街道。", 29, "donations_goods"),
    # contacts found by screening are people screened; quarantined where isolation is said
    ("已排查出密接者169人、次密接者227人。", 169, "people_screened"),
    ("对密接者45人实行集中隔离。", 45, "quarantined"),
    # 检测 in a paragraph about nucleic acid testing is a test, elsewhere a screening
    ("开展全员核酸检测。景江园区检测点每次检测2500多人。", 2500, "tests_performed"),
    ("开展全员核酸检测，全区266个检测点已累计采样307722人份。", 307722, "tests_performed"),
    ("卡口对过往人员检测2500多人。", 2500, "people_screened"),
    # vehicles named after their count, under a verb of checking
    ("在高速出口查控4台外地异常车辆。", 4, "vehicles_checked"),
    # 一次性 (disposable) is no count of times: the list of things given goes on past it
    ("市援助1万公斤红枣、1万支一次性病毒采样管、2万件防护服。", 10000, "donations_goods"),
    # 篇 counts articles: in a sentence that publishes or names an outlet, media posts
    ("在“微东兴”公众号刊发稿件，其中“微东兴”2篇。", 2, "media_posts"),
    ("学习了文件3篇。", 3, None),
    # a clause opened by a verb of carrying out acts on the number that ends the clause before
    ("密接人员846人，均已集中隔离。", 846, "quarantined"),
    # ... but what became of all of them (均已, 全部) leaves a verb before the number its claim
    ("流调发现密接人员846人，均已集中隔离。", 846, "people_screened"),
    ("认定密切接触者190人，实施居家隔离。", 190, "quarantined"),
    ("共有村民300人，进行宣传。", 300, None),
    # a verb of posting governs the counts of what it puts up
    ("各村张贴排查通知4448张。", 4448, "banners_posters"),
    ("张贴宣传告示40份。", 40, "banners_posters"),
    ("发放并张贴宣传单500份。", 500, "leaflets"),
    # turned back, in households
    ("累计入户宣传2500余户，劝阻600余户。", 600, "persuaded_back"),
    # topic scope: a clause about another campaign holds no epidemic fact, whatever its verbs
    ("捐款14.5万元用于抗疫，完成脱贫攻坚短板排查上报688户。", 688, None),
    ("捐款14.5万元用于抗疫，完成脱贫攻坚短板排查上报688户。", 145000, "donations_money"),
    ("秸秆禁烧期间，出动巡查人员500人次，张贴通告200张。", 200, None),
    ("春耕期间排查农户320户。", 320, None),
    ("疫情期间，他捐赠自家种植的蔬菜3000斤。", 1.5, "donations_goods"),  # what a giver grew is a gift
    ("今年全镇烤烟种植面积达3200亩，排查农户320户。", 320, None),
    ("春耕期间排查返乡人员320人，疫情防控不放松。", 320, "people_screened"),
    ("换届选举中组织志愿者40名。", 40, None),
    # another campaign's word in a body's name names the body, no topic (禁毒支队, 区医保局)
    ("自愿捐款12.4万元。其中，禁毒支队民警赵立新捐款5000元。", 5000, "donations_money"),
    ("区局联合区卫健局、区医保局组成4个联合督查组。", 4, "work_groups"),
    ("扶贫办排查贫困户320户。", 320, None),
    # a bare total (nothing after its measure word, a word of totalling before it) counts the noun named
    # before it in the sentence, beyond the few characters a noun before a number may otherwise stand
    ("像这样的交通卡口，在全镇一共有473个。", 473, "checkpoints"),
    ("像她一样的网格员在社区共有112名。", 112, "cadres"),
    ("像廖大爷这样的“红马甲”，全街道有2700余名。", 2700, "volunteers"),  # 有 after a word of the whole place
    ("街道在每个工地设置了值守点，共设17个。", 17, "checkpoints"),  # 共 and the bare verb again
    ("全区参与社区防控志愿者服务人数达到4847人。", 4847, "volunteers"),
    ("外来人员，共有40人。", 40, None),                                  # no noun of a rule before it
    ("劝返人数559人，宣传引导人数达到3889人。", 3889, None),             # its clause labels its own count
    ("我们的志愿者有党员、教师、妇女队长，一共五十多人。", 50, None),    # a list's last member is not the total
    ("工会赠送了口罩、消毒液等防疫大礼包，共计1023份。", 1023, "donations_goods"),  # but all its members are goods
    ("设卡点，共有40人参与值守。", 40, None),                            # something follows the measure word
    # 分别: the items listed before it map in order onto the numbers joined right after it
    ("全镇设立卡点和劝返点分别为12个、5个。", 5, "checkpoints"),
    ("发放宣传单、悬挂横幅分别达3000份、120条。", 3000, "leaflets"),
    ("发放宣传单、悬挂横幅分别达3000份、120条。", 120, "banners_posters"),
    ("党员和志愿者分别有120名、300名参与值守。", 120, "party_members"),
    ("党员和志愿者分别有120名、300名参与值守。", 300, "volunteers"),
    ("返乡人员和隔离人员分别为326人、20人。", 20, "quarantined"),
    ("东村、西村分别设立卡点3个、2个。", 2, "checkpoints"),             # places, then the noun after the verb
    ("镇村干部、志愿者分别出动200人次、500人次。", 200, "cadres"),      # a verb between 分别 and its numbers
    ("党员和群众分别捐款2000元、500元。", 500, "donations_money"),
    ("何二宫和许紧分别捐赠1000元。", 1000, "donations_money"),          # one number for each of them
    # a clause that only says how many (目前已达, 已发展到, 总数已达) is a bare total of the noun before it
    ("以党员为骨干、群众广泛参与的志愿服务队伍，目前已发展到326人。", 326, "volunteers"),
    ("由退役军人、返乡大学生组成的志愿者队伍不断壮大，已达520余人。", 520, "volunteers"),
    ("全镇在各路口设置的疫情防控卡点，总数已达43个。", 43, "checkpoints"),
    ("全镇返乡人员较多，目前已达1200人。", 1200, None),                  # no noun of a rule before it
    ("志愿者坚守卡点，目前已达30天。", 30, None),                        # a duration
    # or how many times it took part
    ("共有396人成为社区防控志愿者，累计服务1.1万余人次。", 11000, "volunteers"),
    ("开通热线3条，累计服务1200人次。", 1200, None),
    # an aside in brackets right after a number is an item of its own: its noun is no noun of the number
    ("志愿者：6870名（含党员志愿者2110名）。", 6870, "volunteers"),
    ("招募志愿者6870名（含党员志愿者2110名）。", 6870, "volunteers"),
    ("由村干部、党员82名、网格员和民警24小时值守。", 82, "party_members"),   # or a 、: the next item's noun
    # a 等 farther on in the verb phrase makes no list of the noun after the number
    ("1500余名志愿者协助开展秩序维护、扫码登记等工作。", 1500, "volunteers"),
    # 对 before a lone 1 counts the one dealt with; elsewhere a 1 before its noun is an article
    ("对1名乡镇干部给予诫勉谈话。", 1, "accountability"),
    ("设卡点，目前已有40人参与值守。", 40, None),
    # a group size or a per-unit size is no count of anyone
    ("网格员与志愿者2人一组到居民门前。", 2, None),
    ("志愿者每组4人，轮流值守。", 4, None),
    ("每个卡点安排志愿者3名。", 3, None),
    ("全镇组织志愿者300人，2人一组入户。", 300, "volunteers"),
    # a capacity is not a count of what was done
    ("接种点每天最多可接种5500剂次。", 5500, None),
    ("全镇累计接种5500剂次。", 5500, "vaccinations"),
    # 若 that begins a county's name is no "if"; 若 before a verb is
    ("若羌县援助防护服1万件。", 10000, "donations_goods"),
    ("若发现志愿者5名未到岗，立即补位。", 5, None),
    # an exclusion word in an earlier item of a 、-list is that item's, where an action opens the number's item
    ("张贴、发放各类宣传材料38500份、推送相关信息23条。", 23, "media_posts"),
    ("张贴宣传海报、通告23条。", 23, "banners_posters"),
    # 现有 ("there are now") vetoes population figures only, not a count of staff or of people isolated
    ("村里现有村干部3人。", 3, "cadres"),
    ("全镇现有居家隔离人员61人。", 61, "quarantined"),
    ("全村现有村民3200人。", 3200, None),
    # an action that opens the next item of a list, with a number of its own, is that item's
    ("使用消毒和杀虫药物1668.2公斤、清理卫生死角680处。", 1.6682, None),
    ("使用消毒和杀虫药物1668.2公斤、清理卫生死角680处。", 680, None),
    ("口罩2000个、手套500双，捐赠给卫生院。", 500, "donations_goods"),
    # a per-unit staffing (每个X配备N名) is a norm, not a count
    ("每个核酸检测点配备36名工作人员。", 36, None),
    # compounds are head-final: a trigger before a head no rule counts only modifies it
    ("建成8个乡镇广播电视平台。", 8, None),
    ("设立3个志愿者服务中心。", 3, None),
    ("组织志愿者服务队3个。", 3, "work_groups"),
    ("安装8个乡镇广播喇叭。", 8, "loudspeakers"),
    # a count of people right after a group noun counts its members: no action before governs it
    ("支援人员（医疗队伍32人、核酸检测队伍6人）。", 6, None),
    ("组建志愿服务队伍300人。", 300, "volunteers"),
    # a group head with a modifier that says what the group does is a working group
    ("成立8个联动督查组。", 8, "work_groups"),
    ("成立3个明察暗访组。", 3, "work_groups"),
    # pay and public funds are no donation unless a verb of giving governs them
    ("他们捐出了一个月的工资共计4.5万元。", 45000, "donations_money"),
    ("爱心企业家赞助防疫经费10万元。", 100000, "donations_money"),
    ("镇政府下拨防疫经费10万元，收到捐款5万元。", 100000, None),
    ("为卡点人员发放补贴2万元。", 20000, None),
    # the longest word after the measure word is its noun: 村民 (villagers), not 村 (a village)
    ("近30名村民主动报名组建志愿队。", 30, "volunteers"),
    ("动员4名村民参与志愿服务。", 4, "volunteers"),
    ("3000多名村民在志愿者的引导下有序排队。", 3000, None),
    # staff named by the body they belong to (物业, 两委) or their rank (特警, 村组长)
    ("出动物业人员30人协助值守。", 30, "cadres"),
    ("抽调村两委成员12人值守卡点。", 12, "cadres"),
    ("全镇126名村组长参与排查。", 126, "cadres"),
    ("社区人员多达400人。", 400, None),
    ("利用8台水车（每台配备5名消杀人员）对道路消杀。", 5, None),
    # 核检 is a nucleic acid test, not a screening
    ("全市今日130万人核检。", 1300000, "tests_performed"),
    # a per-unit word holds only the first number after it: later ones are counts again
    ("免费送出500份日本口罩，每份10个。", 10, None),
    ("免费送出500份日本口罩，每份10个。", 500, "donations_goods"),
    ("无偿提供每份20元成本的“爱心午餐”200余份。", 200, "donations_goods"),
    ("共派发口罩（每位会员可获赠5个口罩）及5000包福米。", 5000, "donations_goods"),
    # 免费 gives only where a verb of giving follows it (免费发放), not as an adjective (免费公厕)
    ("对78座免费公厕、1376个垃圾孔点进行消毒。", 1376, None),
    ("爱心企业免费提供盒饭300份。", 300, "donations_goods"),
    # supplies sold, bought for others or used up are no donation
    ("捐赠活动中，累计供应平价蔬菜16052份。", 16052, None),
    # a count of things whose trigger runs into a group noun counts the groups (head-final): 党员先锋队 is a team
    ("组建了20个党员先锋队。", 20, "work_groups"),
    ("这14个党员流动宣传队走村入户宣传。", 14, "work_groups"),
    ("138个党员楼栋监督员上岗。", 138, "party_members"),
    ("15名党员突击队员在卡点值守。", 15, "party_members"),
    # people sent out are the agents of the action after them, not its objects: staff sent (cadres.sent_by_count)
    ("四轮共出动2000余人次参与、组织采样。", 2000, "cadres"),
    ("组织3000名群众进行核酸检测。", 3000, "tests_performed"),
    ("累计对600余人次测量体温。", 600, "people_screened"),
    # a trigger before the number that only modifies the head nearest the number (广播节目) counts nothing
    ("制作防控广播节目13个，每天循环播放。", 13, None),
    # information received is no media post, nor goods given
    ("接收与疫情相关情报信息7条。", 7, None),
    # 由 … N … 组成: the group the people make up says what they are
    ("志愿者队伍由31名工作人员组成。", 31, "volunteers"),
    ("该志愿队由村干部、村民等32人组成。", 32, "volunteers"),
    ("一个由20名青年人组成的志愿服务队迅速成立。", 20, "volunteers"),
    ("由20名党员组成的突击队坚守卡点。", 20, "party_members"),     # a group no rule counts people of
    # the members may be listed, up to another number
    ("居民区组建了由216名“团长”、楼组长和居民组成的志愿者队伍。", 216, "volunteers"),
    ("由5名党员、3名群众组成的志愿服务队。", 5, "party_members"),
    # a place before 级 says the level of what follows: it is no noun of its own
    ("建立156个村级党员“责任区”和“先锋岗”。", 156, "party_posts"),
    ("设立3个村级卡点。", 3, "checkpoints"),
    ("5个行政村纷纷成立党员突击队。", 5, None),
    # a verb of carrying out in the next clause acts on the number explicitly: it wins over a verb before (which
    # still counts the number as a second fact: see test_rule_cases)
    ("密接者和次密接者317人，进行集中隔离医学观察。", 317, "quarantined"),
    ("市疾控中心认定密切接触者190人，实施居家隔离3145人。", 190, None),  # the verb has a number of its own
    ("该村共有武汉返乡人员110人，全部逐户上门宣传，实行居家隔离。", 110, "quarantined"),  # clause after clause
    ("市疾控中心认定密切接触者190人，实施居家隔离3145人。", 3145, "quarantined"),
    ("排查返乡人员132人，北京返乡人员14人。", 132, "people_screened"),
    # the noun right after the measure word is what is counted, not a noun trigger before the number
    ("卡点上有5个志愿者轮流值守。", 5, "volunteers"),
    ("每个网格组建一支由社工、民警组成的5人服务小组。", 5, None),
    # 个 counts people where a noun of people follows it at once
    ("村里组织了20个志愿者。", 20, "volunteers"),
    ("社区有6个网格员。", 6, "cadres"),
    # 个 with a 的-phrase counts what stands before the 的
    ("两个科室的同事都来帮忙。", 2, None),
    ("马井镇等6个疫情防控监测点的交特警。", 6, "checkpoints"),
    # a preposition that vetoes a count of places (在12个卡点) is no veto in a word of totalling (达到, 数量为)
    ("全镇卡点数量达到35个。", 35, "checkpoints"),
    ("卡点数量为35个。", 35, "checkpoints"),
    ("在12个卡点开展宣传。", 12, None),
    ("全县设卡43处。", 43, "checkpoints"),
    # a bare total reaches back to a verb that acts on a list (对市场、小区等区域消毒52次，共17500平方米)
    ("对农贸市场、小区、村部等公共区域消毒52次，共17500平方米。", 17500, "disinfection_area"),
    ("教师、党员，一共五十多人。", 50, None),
    # verbs of giving compose: 送 + 至 delivers gifts; samples sent to a laboratory are no gift
    ("将80箱方便面和15个充电宝送至社区一线抗疫人员手中。", 15, "donations_goods"),
    ("将1200份核酸样本送至检测机构。", 1200, "tests_performed"),
    # posts named by what is done there: 监控 and 封控 control, as 管控 does
    ("龙城镇设置临时监控点24个。", 24, "checkpoints"),
    ("共设置边境封控点506个。", 506, "checkpoints"),
    # a number with its own noun inside a 的-modifier does not own the head after it
    ("在17000名来自350多个不同团体的志愿者配合下完成。", 17000, "volunteers"),
    # a value inside the noun phrase (价值…的) neither owns nor heads it
    ("表示有50箱价值15000余元的消毒液想捐给镇政府。", 50, "donations_goods"),
    ("表示有50箱价值15000余元的消毒液想捐给镇政府。", 15000, "donations_money"),
    # 名 before 义工 is a measure word (名义 "in the name of" is another word only as 名义上)
    ("召集超过120名义工协助包装。", 120, "volunteers"),
    # money raised or handed over is given: 解囊, 筹款, 凑, 交给, 转来
    ("全村党员群众慷慨解囊，共计2.3万元。", 23000, "donations_money"),
    ("村民自发为抗疫一线人员筹款8600元。", 8600, "donations_money"),
    ("在外乡贤通过微信转来抗疫资金3万元。", 30000, "donations_money"),
    ("老党员拿出1万元积蓄，交给村委会用于疫情防控。", 10000, "donations_money"),
    # goods sent home, given free, or bought to comfort someone are given; bought to hand out they are not
    ("在外务工人员从外地寄回口罩300只。", 300, "donations_goods"),
    ("该超市为一线工作人员提供免费盒饭200份。", 200, "donations_goods"),
    ("志愿者们自掏腰包购买了50箱泡面慰问值守人员。", 50, "donations_goods"),
    ("镇政府购买口罩5000只发放给群众。", 5000, None),
    # runs of publicity vehicles counted in 车次 after a verb of publicity
    ("全镇出动宣传车15辆，巡回宣传60余车次。", 60, "publicity_vehicles"),
    # 全村共有 vetoes a population figure, not a count of volunteers
    ("全村共有志愿者42名参与轮流值守。", 42, "volunteers"),
    ("全村共有710户2824人。", 2824, None),
    # a noun before a preposition or verb of an object is that phrase's subject, not what the number counts
    ("组织医护人员对1200名返乡人员开展核酸检测。", 1200, "tests_performed"),
    ("党员干部带领30名群众清理垃圾。", 30, None),
    ("志愿者已为83名独居老人送去生活物资。", 83, None),                    # 为 as "for" after an adverb
    ("参与值守的志愿者为120名。", 120, "volunteers"),                        # 为 as "is"
    # the action on an object led in by 对 ends its noun phrase, however long the phrase
    ("对3名值守不力的村（社区）干部进行约谈。", 3, "accountability"),
    # a 、-list closed by 等 right before the number: the number totals every item
    ("抽调镇村干部、民兵、护边员等812人。", 812, "cadres"),
    ("村支书带领30名群众开展排查。", 30, None),                     # those led act with the leader
    ("镇长带领3名副镇长检查卡点工作。", 3, None),
    ("书记带领20名党员深入各村排查返乡人员。", 20, "party_members"),
    # 将/把 put the number before its verb as the object: the verb after the noun governs it (the disposal form)
    ("将4448张排查通知张贴到各村。", 4448, "banners_posters"),
    ("把3000份宣传单发放到群众手中。", 3000, "leaflets"),
    ("捐赠椅子30把、消毒液20箱。", 20, "donations_goods"),  # 把 as a measure word leads no object
    ("参与值守的志愿者为120名。", 120, "volunteers"),                 # 为 as "is" leads up to the count
    # publicity played on screens: 刊播, 轮播
    ("电子屏已累计刊播防疫公益内容超过11万次。", 110000, "broadcasts"),
    # supplies delivered by the supply chain are no gift, though gifts are named elsewhere in the paragraph
    ("目前已配送冷鲜肉12328份、蔬菜套餐4869份。同时，共接收社会捐赠蔬菜30吨。", 4869, None),
    ("目前已配送冷鲜肉12328份、蔬菜套餐4869份。同时，共接收社会捐赠蔬菜30吨。", 30, "donations_goods"),
    # a number led in as an object (对 …) takes the action after it, though the rule looks for its verb before
    ("开展核酸检测。对辖区看守所、拘留所等300多人派专人上门检测。", 300, "tests_performed"),
    # the parts of a per-unit size are sizes too; a spread of sizes (不等) counts nothing
    ("每个核酸检测点配备36名工作人员，包括12名医务人员，24名保障人员。", 12, None),
    ("每户捐款50元至200元不等。", 50, None),
    # home quarantine in Taiwan and Hong Kong words
    ("至昨天，居家檢疫者逾1.1萬人，居家隔離者則有800多人。", 11000, "quarantined"),
    # an amount each person gave is a size, the total is the count
    ("每人捐款100元，共捐款5000元。", 100, None),
    ("每人捐款100元，共捐款5000元。", 5000, "donations_money"),
    # officials sent out are cadres; medical teams are not, unless listed with them
    ("派驻第一书记15名。", 15, "cadres"),
    ("派出医疗队员30名支援。", 30, None),
    ("抽调镇村干部、民警、医护人员136名。", 136, "cadres"),
    ("民警和医护人员20人。", 20, "cadres"),
    # two modifiers joined by 和 before the head (机关和企事业单位 + 党员干部)
    ("全区共有3860名机关和企事业单位党员干部下沉到社区。", 3860, "party_members"),
    ("为5个村和志愿者送去口罩。", 5, None),
    # a verb of achieving ends the noun phrase: the number counts what stands before it
    ("全区75个小区实现临时党支部全覆盖。", 75, None),
    ("近30名居民主动报名组建党员志愿队。", 30, "volunteers"),
    # a condition (只要, 假如, 一旦) is no count of what was done
    ("他承诺只要4间大庙表达需要口罩，他就捐赠。", 4, None),
    # a count of people right before a group noun sizes the group
    ("由两名工作人员与3名居民志愿者组成4人夜班组。", 4, None),
    ("志愿者30人组成巡逻队。", 30, "volunteers"),
    # an average per person or household is a size, not a count
    ("党员们纷纷解囊，人均捐款200元。", 200, None),
    # goods eaten or used up are not given, whatever gifts the paragraph names
    ("义工熬夜包装福袋，只吃了两个面包，福袋送至居民手中。", 2, None),
    # 共 alone leads a bare total too: the verb of giving in the clause before governs it
    ("这些防护服是制衣厂赠送的，共100件。", 100, "donations_goods"),
    # items of a list led to their numbers by a label and a colon, however long the label
    ("收到捐赠：口罩：100万只；护目镜等防护设备：2600只；医用手套：9.35万只。", 2600, "donations_goods"),
    ("收到捐赠：口罩：100万只；护目镜等防护设备：2600只；医用手套：9.35万只。", 93500, "donations_goods"),
    # a number right after a noun owns it only in a unit the rule counts
    ("“30名青年志愿者10件防护衣交替穿了三天”，群众很感动。", 30, "volunteers"),
    ("两辆载满60余万元医用防护物资的大卡车运抵。", 2, None),
    # teams that go out to explain the rules
    ("各村党员自发组建139支宣讲队。", 139, "work_groups"),
    # persuaded to do something is no one turned back
    ("劝导群众戴口罩2000余人次。", 2000, None),
    ("劝导外来人员120人返回。", 120, "persuaded_back"),
    # positives counted are cases, whatever verb of testing or isolating stands before
    ("共检测出阳性3人。", 3, None),
    ("隔离人员中阳性1人。", 1, None),
    # a verb on a line that counts something of its own heads no list on the next line; a heading line does
    ("张三捐款500元支持\n2条评论", 2, None),
    ("收到捐赠物资如下\n3000只口罩\n1200双手套", 1200, "donations_goods"),
    # a bare total alone in its clause takes its noun from the sentence before, in its paragraph
    ("此次爱心募捐活动共收到来自各界的捐款。截至目前，一共有5704.62元。", 5704.62, "donations_money"),
    ("镇里设立卡点。共计15个。", 15, "checkpoints"),
    ("走访排查群众。全村一共有300户。", 300, None),
    ("一共有5704.62元。", 5704.62, None),
    # goods valued where the paragraph tells the gift; bought goods are not
    ("爱心企业向镇里捐赠了一批防疫物资。这批物资折合人民币7.4万元。", 74000, "donations_money"),
    ("爱心企业向镇里捐赠了一批防疫物资。镇里采购物资价值5万元。", 50000, None),
    # an action after two numbers governs the nearer, unless they are items of one list or side by side
    ("扬州疫情两次反弹 今日130万人核检", 2, None),
    ("5名党员带头，200余名群众参与核酸检测。", 200, "tests_performed"),
    ("口罩2000个、手套500双，捐赠给卫生院。", 2000, "donations_goods"),
    ("对52户148名居民实行居家隔离。", 52, "quarantined"),
    # a word of another campaign inside a longer word names none (深入学习 holds 入学)
    ("各村深入学习文件精神，发放宣传资料3000份。", 3000, "leaflets"),
    ("做好新生入学工作，发放宣传资料3000份。", 3000, None),
    # 拟 plans, but not inside 模拟 (a drill is done)
    ("开展疫情防控模拟演练出动工作人员200人。", 200, "cadres"),
    ("镇政府拟设立卡点5个。", 5, None),
    # a civic drive is another campaign, unless the epidemic is named with it
    ("开展文明城市创建，招募志愿者200名。", 200, None),
    ("开展疫情防控和文明城市创建，招募志愿者200名。", 200, "volunteers"),
    # a pass (关口) is a post where a modifier says what is done there
    ("共设置防控关口18个。", 18, "checkpoints"),
    # visits in 个次 are rounds of inspection, not posts; people who broke the rules, dealt with
    ("督导检查卡点56个次。", 56, "supervision_inspections"),
    ("共处理违纪人员6人次。", 6, "accountability"),
    ("督查企业56家次。", 56, "supervision_inspections"),
    ("检查点位300处次。", 300, "supervision_inspections"),  # visits to the points checked, no posts
    # Taiwan's words: metric tons, LINE groups
    ("清除垃圾20公噸。", 20, "garbage_removed"),
    ("開設LINE群組12個。", 12, "wechat_groups"),
    # material aid is a gift; aid between governments in general is not
    ("商会向街道提供物资支援，主要包括一次性医用口罩65盒、84消毒水10件。", 65, "donations_goods"),
    ("黔南州各支援3台移动检测方舱。", 3, None),
    # 若 in a place name is no condition
    ("若羌县向邢台市援助1万公斤若羌红枣、1万件医用防护服。", 10000, "donations_goods"),
    ("若发现发热人员3人以上，立即上报。", 3, None),
    # entrances closed are no posts set up
    ("设置18个片区卡口，17个小区卡口，封闭70个出入口和4条围蔽带。", 70, None),
    ("关闭出入口30个，保留出入口1个并设立卡点。", 30, None),
    # a parallel item after a comma: a short label ending in the claimed item's head
    ("排查武汉返乡人员53人，其他地区已返乡人员1394人。", 1394, "people_screened"),
    ("排查湖北返乡人员53人，外省返乡人员1394人，本省返乡人员2000人。", 2000, "people_screened"),
    # not a label of a count, whose modifier says what is counted
    ("累计劝返人数559人，宣传引导人数3889人。", 3889, None),
    # a vehicle given is goods; a one right after the verb of giving is counted, not an article
    ("某企业捐赠1辆价值30万元的救护车。", 1, "donations_goods"),
    ("某企业向县医院捐赠负压救护车2辆。", 2, "donations_goods"),
    ("县医院出动救护车3辆转运病人。", 3, None),
    ("镇里有1名网格员。", 1, None),
    # areas in 平方公里, 亩, m², in square metres; a place's size is none
    ("消杀面积达2.5平方公里。", 2500000, "disinfection_area"),
    ("消毒面积300亩。", 200000, "disinfection_area"),
    ("消毒面积8万m²。", 80000, "disinfection_area"),
    ("全镇面积120平方公里，开展消杀行动20次。", 120000000, None),
    # garbage by volume
    ("清运垃圾1650方。", 1650, "garbage_removed"),
    ("清理垃圾350立方米。", 350, "garbage_removed"),
    # places that each set one up count as many of it
    ("5个对外路口均设立“疫情防控检查站”。", 5, "checkpoints"),
    ("全镇12个村均设立了防疫卡点。", 12, "checkpoints"),
    ("全镇18个行政村都已设置劝返点。", 18, "checkpoints"),
    ("全县12个乡镇均成立了临时党支部。", 12, "temporary_party_branches"),
    ("54个社区均建立了微信群。", 54, "wechat_groups"),
    # not where each sets up a number of its own, nor where they only have one, nor a place set up elsewhere
    ("5个村均设立卡点3个。", 5, None),
    ("7个社区各设置了一个固定核酸检测点。", 7, None),
    ("12个村均有卡点。", 12, None),
    ("5个行政村纷纷成立突击队。", 5, None),
]


@pytest.mark.parametrize(("sentence", "value", "metric"), CASES)
def test_the_counted_thing_by_structure(sentence, value, metric):
    facts = fangkong.extract_text(sentence)
    found = [m for m, v in zip(facts["metric"], facts["value"], strict=True) if v == value]
    assert found == ([metric] if metric else [])


# Lists under a heading line: the heading's verb or noun governs the first item too, as after a colon.
HEADED_LISTS = [
    ("爱心捐款名单\n张三 500元\n李四 300元\n", [500, 300]),
    ("截至2月10日，收到以下爱心捐款：\n1. 某某公司 10000元\n2. 张某 2000元\n3. 李某 1000元\n", [10000, 2000, 1000]),
    ("村里开展了捐款活动\n全村共有300人参加。", []),
]


@pytest.mark.parametrize(("text", "values"), HEADED_LISTS)
def test_a_heading_line_governs_its_list(text, values):
    facts = fangkong.extract_text(text)
    assert list(facts["value"][facts["metric"] == "donations_money"]) == values


# Amounts in 万 or 亿 with no measure word after a word of money (捐款35万, 价值35万) are in 元: a number form.
IMPLIED_UNITS = [
    ("他捐款35万支持抗疫。", 350000, "donations_money", "元"),
    ("捐赠物资价值35万。", 350000, "donations_money", "元"),
    ("爱心人士捐资10万余，用于购买防疫物资。", 100000, "donations_money", "元"),
    # headlines shorten further, a qualifier between the word and the amount
    ("某企业捐50万助力抗疫", 500000, "donations_money", "元"),
    ("商会募集善款逾10万", 100000, "donations_money", "元"),
    ("全村共计3万人参加核酸检测。", 30000, "tests_performed", "人"),    # a measure word of its own
    ("他捐款500支持抗疫。", 500, None, None),                            # no 万 or 亿: too often no money
    # an amount in 万 right before a noun of people counts people
    ("拉网式完成15.79万返乡人员摸排。", 157900, "people_screened", "人"),
    ("为30万群众发放宣传资料。", 300000, None, None),                     # residents reached: no fact
    # an amount in words, 万 or 亿 inside it, spoken short (两万五) or round (百万)
    ("张大爷捐款两万五支持抗疫。", 25000, "donations_money", "元"),
    ("他捐款一万二，用于防疫。", 12000, "donations_money", "元"),
    ("商会筹集善款超百万", 1000000, "donations_money", "元"),
    # a label of a count names the unit of a bare number after it
    ("参与志愿者人数达到1200。", 1200, "volunteers", "人"),
    ("累计排查户数达1200，人数3400。", 3400, "people_screened", "人"),
    ("排查人数2021年增长10%。", 2021, None, None),
    # 人/次 and 人·次 are person-times
    ("累计排查人员3200人/次。", 3200, "people_screened", "人次"),
    ("测温5600人·次。", 5600, "people_screened", "人次"),
    # a sign of money before a bare amount
    ("爱心人士捐款¥5000。", 5000, "donations_money", "元"),
    ("爱心人士捐款￥1.5万。", 15000, "donations_money", "元"),
    ("口罩价格¥30。", 30, None, None),
    # an amount to the cent after a word of money
    ("示范区慈善协会共计到账896275.33，累计拨付85.5万。", 896275.33, "donations_money", "元"),
    ("收到捐款金额：1234.56。", 1234.56, "donations_money", "元"),
    ("测量体温36.50。", 36.5, None, None),
    ("他捐款1.5，用于防疫。", 1.5, None, None),  # no cents: too often no money
]


@pytest.mark.parametrize(("sentence", "value", "metric", "unit"), IMPLIED_UNITS)
def test_an_implied_unit(sentence, value, metric, unit):
    facts = fangkong.extract_text(sentence)
    found = [(m, u) for m, v, u in zip(facts["metric"], facts["value"], facts["unit"], strict=True) if v == value]
    assert found == ([(metric, unit)] if metric else [])


@pytest.mark.parametrize(("sentence", "qualifier"), [
    ("捐款逾10万。", "over"), ("捐款超过2万。", "over"), ("善款近5万。", "under"), ("捐款约3万。", "approx"),
    ("捐款3万余。", "over"), ("捐款3万。", "exact"),
])
def test_an_implied_unit_keeps_the_qualifier_before_it(sentence, qualifier):
    assert list(fangkong.extract_text(sentence)["qualifier"]) == [qualifier]


# A number no rule claims takes the claim of the first item of its 、-list, or of the total before a part marker
# (其中, 包括), where its unit fits and its own item names nothing else. Sentences written for these tests.
INHERITED = [
    # a list item named by no word of goods is given as the items before it are
    ("商会捐赠医用口罩2万个、N95口罩8000个、速干手消500瓶。", 500, "donations_goods"),
    ("县商会向镇政府援助红枣1万公斤、一次性采样拭子5000支。", 5000, "donations_goods"),
    # parts of a claimed total after 其中 count what it counts
    ("全镇共设置卡点20个，其中高速路口3个、国省道17个。", 3, "checkpoints"),
    ("全镇共设置卡点20个，其中高速路口3个、国省道17个。", 17, "checkpoints"),
    ("累计排查返乡人员397人，其中武汉返乡20人。", 20, "people_screened"),
    # a sentence that opens with a part marker lists the parts of the total in the sentence before
    ("全村共捐款1.8万元。其中张三1000元、李四500元。", 500, "donations_money"),
    # parts in another unit the total's rule takes
    ("全镇共接种新冠疫苗3.6万剂次，其中第一剂1.9万人，第二剂1.7万人。", 17000, "vaccinations"),
    # a list whose head no rule claimed: its items follow the nearest claimed item before them
    ("三个村分别设立卡点3个、4个、5个。", 5, "checkpoints"),
    ("三个村分别设立卡点3个、4个、5个。", 3, "checkpoints"),
    # items labelled by ordinals of one measure: each one of the same thing
    ("第一批志愿者30人已上岗，第二批40人正在培训。", 40, "volunteers"),
    # the first ordinal item after a clause that counted the rounds takes what counted them, the rest follow it
    ("体温检测已经做了两次，第一次1567人，第二次1688人。", 1567, "people_screened"),
    ("体温检测已经做了两次，第一次1567人，第二次1688人。", 1688, "people_screened"),
    # a word leading up to the number after the ordinal label (第一次累计1567人, 第二次共1688人)
    ("体温检测已经做了两次，第一次累计1567人，第二次1688人。", 1567, "people_screened"),
    ("体温检测已经做了两次，第一次1567人，第二次共1688人。", 1688, "people_screened"),
    ("第一批志愿者30人已上岗，第二批达40人正在培训。", 40, "volunteers"),
    ("先后组织了两批志愿者，第一批30人，第二批40人。", 30, "volunteers"),
    ("村里开了两次会，第一次30人参加。", 30, None),  # no rule's word in the rounds' clause
    # a comma or colon right after the marker opens its list
    ("全镇累计排查返乡人员1200人。其中，武汉返乡53人，湖北其他地区返乡120人。", 120, "people_screened"),
    ("全镇累计排查返乡人员1200人，其中：武汉返乡53人，湖北其他地区返乡120人。", 53, "people_screened"),
    ("全镇设置卡点20个。其中高速路口3个、国省道17个。", 17, "checkpoints"),
    # parts joined by ， after the marker, each a short label and its count
    ("走访调查社区人员4692人，其中常住人口4660人，返乡人员17人，外来人员15人。", 15, "people_screened"),
    ("走访调查社区人员4692人，其中常住人口4660人，返乡人员17人，外来人员15人。", 4660, None),
    ("全镇共设置卡点20个，其中高速路口3个，国省道17个。", 17, "checkpoints"),
    ("共排查1000人，其中发热3人，已送往医院集中隔离观察2人。", 2, "quarantined"),
    # people listed with 、 under one screening verb
    ("共排查2112车次、4553人次。", 4553, "people_screened"),
    # a parallel item: the same unit, and a label ending in the same head right before each number
    ("排查到来自武汉返乡人员17人、湖北省其他地区返乡人员7人。", 7, "people_screened"),
    ("排查到来自湖北省武汉市的返乡人员17人、来自湖北省其他地区的返乡人员7人。", 7, "people_screened"),
    ("排查到来自湖北省武汉市的返乡人员17人、来自湖北省其他地区的亲友7人。", 7, None),
    # an item that is only a label composes with the verb opening the list: 出动 + 人员 are staff sent out
    ("消杀活动共出动车辆70余辆、人员380人次。", 380, "cadres"),
    ("累计投入车辆20台，力量300人。", 300, "cadres"),
    ("累计出动车辆20台，群众300人。", 300, None),
    # a noun a rule counts, ending a heading right before a colon, names what the list after it counts
    ("全镇设卡点：主要路口6个、村组路口30个。", 6, "checkpoints"),
    ("全镇共设卡点：高速路口3个，国道5个，县道12个。", 12, "checkpoints"),
    # a count that a count changed to counts what that count counts
    ("卡点由原来的15个增加到22个。", 22, "checkpoints"),
    ("志愿者人数从50人增加到了120人。", 120, "volunteers"),
    # the words of a starting value are no distance between the noun and its number
    ("社区的志愿者队伍也由最初的36人扩大到了290人。", 36, "volunteers"),
    # a promise to give is no gift yet; a promise of another kind plans nothing of the sentence's gifts
    ("青龙镇铝材厂承诺复工后捐赠10万元。", 100000, None),
    ("党员经营户带头承诺“不涨价、不断供”，18名党员经营户还拿出白菜、土豆等蔬菜46吨，捐赠给市内封控小区。", 46,
     "donations_goods"),
    ("全村签订承诺书1200份。", 1200, None),
    # associations counted are givers, no goods
    ("全镇已有17个宗亲会、同乡会发起募捐。", 17, None),
    # cases announced as set out below are picked out of those counted before
    ("对履职不力的，问责23人，其中批评教育11人。现将其中5起典型问题通报如下：", 5, None),
    ("对履职不力的，问责23人，其中批评教育11人。现将其中5起典型问题通报如下：", 11, "accountability"),
    # a bound or a range in an aside names a class of givers, no gift (一、单位（捐款100万元以上）)
    ("一、单位（捐款捐物100万元以上）\n洛溪钢铁集团　捐款500万元", 1000000, None),
    ("二、单位（捐款捐物10万元至100万元）\n国网供电公司　捐款30万元", 100000, None),
    ("二、单位（捐款捐物10万元至100万元）\n国网供电公司　捐款30万元", 300000, "donations_money"),
    # a noun of things right after the measure word is what a count of 个 counts, whatever people follow
    ("县领导到全乡11个卡点慰问值守人员。", 11, "checkpoints"),
    ("志愿者也从原来的36人增加到290人。", 36, "volunteers"),
    ("志愿者送物资到5个卡点。", 5, None),
    # a label item after a comma is governed by the action heading the list, where the label is a bare noun
    ("累计排查车辆1200辆，人员3400人次。", 3400, "people_screened"),
    ("联合检查点累计检查车辆6692辆,乘客13670人次。", 13670, "people_screened"),
    ("劝返车辆93辆,涉及人数271人。", 271, "persuaded_back"),
    ("设置检查站6个，共出动435人次。", 435, "cadres"),
    # a part that counts cases, a group size or a place is no part
    ("共检测12000人，其中阳性3人。", 3, None),
    ("共设置卡点20个，其中5个村由党员值守。", 5, None),
    # items joined by ， may have verbs of their own; a noun after the measure word counts itself
    ("前期已排查98人，信息有误47人。", 47, None),
    ("成立6个临时党支部、4家企业参与。", 4, None),
    ("全村9名党员和5名社长参与值守。", 5, None),
    # the first item of a list takes the claim of the next in the same measure word, where a frame made that claim
    ("7位村民将自家种的3000公斤椪柑、8000公斤脐橙和5500公斤蔬菜无偿捐赠给社区。", 3, "donations_goods"),
    ("共排查12个问题、30个卡点。", 12, None),
    ("排查外来人员20名、志愿者30名。", 20, "people_screened"),
    # a bare total alone in its clause after a list totals the list's metric
    ("设立卡点12个、劝返点3个，共计15个。", 15, "checkpoints"),
    ("发放宣传单1200份、告知书300份，合计1500份。", 1500, "leaflets"),
    # a parallel item's label ends before a word of totalling (返乡人员累计7人)
    ("共排查到来自武汉返乡人员17人、湖北省其他地区返乡人员累计7人。", 7, "people_screened"),
    ("全镇共摸排中高风险地区已返乡人员325人，其他地区已返乡人员累计1394人。", 1394, "people_screened"),
    ("共排查武汉返乡人员17人、其他地区返乡人员达7人。", 7, "people_screened"),
    ("共摸排中高风险地区已返乡人员325人，其他地区已返乡人员共计达1394人。", 1394, "people_screened"),
    ("劝返人数559人，宣传引导人数达到3889人。", 3889, None),  # a count label before the totalling word
    # a clause of a bare number after a comma is counted by the clause before, where that counts one too
    ("本次调查当晚结束，共摸排27000余户，86000余人。", 86000, "people_screened"),
    ("仅保留年长者两成的疫苗数量，约6500剂。", 6500, None),
    # a bare total whose own clause names what it counts does not look back across clauses
    ("利用村村通喇叭42个，出动宣传车累计2409次，宣传标语1400条。", 2409, "publicity_vehicles"),
    ("已累计劝返人员280人次，劝返车辆80多辆次，登记进出村庄人员累计430人次。", 430, "people_screened"),
    # a count of people led up to (达, 的有) at the end of its clause counts the subject at the head of the clause
    ("全县志愿者参与疫情防控达1.2万人次。", 12000, "volunteers"),
    ("全镇党员干部下沉社区达500余人。", 500, "party_members"),
    ("机关干部下沉一线达200人。", 200, "cadres"),
    ("全市注册志愿者参与疫情防控服务的是4.7万人。", 47000, "volunteers"),  # 的是, spoken for 的有
    # a short headless relative clause (报名的有) picks out some of the noun named in the clause before
    ("三是居民志愿者，报名的有2600多人。", 2600, "volunteers"),
    ("社区共有在册志愿者243名，今天上岗的有158名。", 158, "volunteers"),
    ("一是下沉干部，区里机关下沉到我们街道的有412名。", 412, "cadres"),
    ("排查返乡人员86人，其中居家隔离的有12人。", 12, "quarantined"),  # its own verb is a rule's: it counts
    ("志愿者们每天服务群众达5000人次。", 5000, None),  # another noun of people between: those served
    ("排查工作中，发现发热病人达5人。", 5, None),
    ("机关干部接种疫苗达200人。", 200, "vaccinations"),
    ("全镇党员干部累计下沉社区500余人。", 500, "party_members"),  # 累计, an adverb of the verb, leads up too
    ("医护人员累计救治患者120人。", 120, None),
    # kin are no staff: a noun of kin after a noun of people heads the compound
    ("为50名医护人员家属送去慰问品。", 50, None),
    ("慰问一线医务人员子女30名。", 30, None),
    # a table's row: the measure word in brackets after the label, then the bare number
    ("全镇疫情防控工作统计\n设立卡点（个） 23\n值守人员（人）：186", 23, "checkpoints"),
    ("全镇疫情防控工作统计\n设立卡点（个） 23\n值守人员（人）：186", 186, "cadres"),
    # a bare total in the brackets of an aside totals what the clause counts
    ("组建志愿服务队15支（共计320人）。", 320, "volunteers"),
    ("组建党员突击队8支（共120人），深入一线。", 120, "party_members"),
    # a space after a count, before words, ends its clause as a comma would
    ("各卡口累计检查车辆2036辆 登记人数4011人 测量体温2000余人 劝返人数559人", 2000, "people_screened"),
    ("累计清查车辆630台次、人员1200余人次 劝返车辆200台次、人员430人次。", 1200, "people_screened"),
]


@pytest.mark.parametrize(("sentence", "value", "metric"), INHERITED)
def test_a_list_item_or_part_inherits_its_anchors_claim(sentence, value, metric):
    facts = fangkong.extract_text(sentence)
    found = [m for m, v in zip(facts["metric"], facts["value"], strict=True) if v == value]
    assert found == ([metric] if metric else [])


def test_an_inherited_fact_shows_its_own_item():
    facts = fangkong.extract_text("全镇共设置卡点20个，其中高速路口3个、国省道17个。")
    assert list(facts["evidence"]) == ["卡点20个", "其中高速路口3个", "国省道17个"]
    # a short noun after the number is part of its item; a 等 closing the list is not
    facts = fangkong.extract_text("村民将3000公斤椪柑、8000公斤脐橙和5500公斤蔬菜，无偿捐赠给社区。")
    assert list(facts["evidence"])[0] == "村民将3000公斤椪柑"


def test_a_far_item_of_a_list_shows_its_own_item():
    facts = fangkong.extract_text("收到捐赠的医疗用品：医用口罩29108个，N95口罩800个，医用酒精5.525吨，"
                                  "护目镜1670副，碘伏900瓶。")
    assert list(facts["evidence"]) == ["医用口罩29108个", "N95口罩800个", "酒精5.525吨", "护目镜1670副", "碘伏900瓶"]
    facts = fangkong.extract_text("捐赠价值7万元防疫物资,包括防护服1000件、医用手套6500双、护目镜2100副、手消72包。")
    assert list(facts["evidence"])[-1] == "手消72包"
    # a short list keeps its verb; counts side by side keep it however far
    facts = fangkong.extract_text("检查车辆12865台、人员21206人。")
    assert dict(zip(facts["value"], facts["evidence"], strict=True))[21206] == "检查车辆12865台、人员21206人"


# The same number in two sentences is one fact (a title repeated in the body), unless each stands in a list whose
# other items share nothing with the other's, or each names a different kind of goods: then they are two gifts.
REPEATS = [
    ("张三捐赠口罩2000个、体温枪3个。李四捐赠应急棚10个、口罩2000个、消毒液30桶。", 2),
    ("张三捐赠口罩2000个、体温枪3个。据统计，张三捐赠口罩2000个、体温枪3个。", 1),
    ("爱心企业捐赠口罩2000个。该企业捐赠的口罩2000个已发到卡点。", 1),
    ("张三为社区捐赠大米2000袋。李四向社区捐赠了2000件矿泉水。", 2),
    ("张三为社区捐赠口罩2000只。这2000只医用口罩已全部发到卡点。", 1),
    # a repeat of the second of two gifts is still a repeat
    ("张三捐赠大米2000袋。李四捐赠矿泉水2000件。据统计，李四捐赠矿泉水2000件。", 2),
    # goods in general (物资) name no kind: the later count may be the same gift
    ("此次捐赠的生活物资2000份已送达。企业送来2000份的蔬菜、水果组合礼包。", 1),
    # a mention that says it is another of its kind (也, 又, 再次) is a new fact
    ("村民张三捐款2000元。村民李四也捐款2000元。", 2),
    ("爱心企业捐款2000元。该企业捐赠的2000元已到账。", 1),
    # synonyms of one class are one thing: checkpoints name no kinds
    ("全镇设立卡点2000个。这2000个检查点日夜值守。", 1),
    # equal gifts from two givers named before the verb are two gifts
    ("退休教师王某捐款2000元。个体户刘某捐款2000元。", 2),
    ("村民张三捐款2000元。村民李四捐款2000元。", 2),
    ("福建某公司捐贈現金2000元。樂峰衛生院捐款2000元。", 2),
    ("张三主动捐赠口罩2000只。李四主动捐赠口罩2000只。", 2),
    # one giver named shortly and at length, or by a word pointing back, or not at all: one gift
    ("某集团捐款2000元。近日，某集团有限公司向镇政府捐款2000元。", 1),
    ("某集团捐款2000元。这家企业捐赠的2000元将用于防疫。", 1),
    ("全镇共收到捐款2000元。这次共收到捐款2000元。", 1),
    ("张三捐款2000元。张三老人捐出的2000元已转交卡点。", 1),
    ("某商会捐款2000元。会长表示，捐款2000元是一点心意。", 1),
    # a word of another in the clause before a clause that opens with the verb
    ("水头镇捐赠2000元。乡贤陈某也慷慨解囊，捐赠2000元。", 2),
    ("某企业捐款2000元。该企业负责人表示，捐款2000元是一点心意。", 1),
    # a noun of goods names no giver before it: the verb of giving does (包括 is none)
    ("同乡会捐赠物资一批，包括口罩2000个、试剂2000支。同乡会迅速行动，共捐赠口罩2000个、试剂2000支。", 2),
    # a long phrase before the verb names no giver to tell apart
    ("今日由理事长张某、顾问王某等人代表捐赠口罩2000只。某某会特别捐赠2000只口罩给镇政府。", 1),
    # a later sentence with two equal counts repeats at most one earlier fact: the other is its own
    ("镇里收到价值2000元的防护物资。村民捐款捐物，筹集到2000元资金以及价值2000元的牛奶。", 2),
    ("镇里收到捐款2000元。村民张三说，捐款2000元是一点心意。", 1),
    # the title names the giver shortly: the body's giver is no other
    ("爱心企业捐款2000元支援抗疫\n2021-02-03 来源：某某网\n近日，某集团向村委会捐款2000元。", 1),
    # only counts a rule claimed keep a list's company: the flags beside the posts in the title are no fact
    ("龙邦镇：2000个卡点飘扬2000面党旗\n\n全镇设置卡点2000个，其中边境卡点1900个、交通要道卡点100个。", 1),
    # only items of the same metric keep company: a summary's list of metrics, then the count told with its parts
    ("一年来，全县累计发放宣传资料2000份，悬挂横幅标语1.3万条。\n全县累计发放宣传资料2000份，其中明白纸1200份、一封信800份。",
     1),
]


@pytest.mark.parametrize(("text", "count"), REPEATS)
def test_a_repeat_is_one_fact_unless_its_lists_or_kinds_differ(text, count):
    facts = fangkong.extract_text(text)
    assert list(facts["value"]).count(2000) == count
