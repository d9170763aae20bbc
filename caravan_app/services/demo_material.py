"""The demo province's material: the words its names are made of and its exhibit catalogue (names,
kinds, related themes, the museum sets' templates and the faults repairs are for)."""

from __future__ import annotations

# --- name material ------------------------------------------------------------------------------

TOWN_HEADS = "东西南北新大小王李张刘陈高马杨黄白石双三金青龙凤梁胡许孙周吴朱汪沙长古洪柳桃蒋韩"
TOWN_TAILS = "湖集庄河桥港墩沟口店营楼埠坝塘岗台寨湾林园滩甸坊圩"
COMMUNITY_NAMES = (
    "翠苑", "锦绣", "和平", "阳光", "清风", "幸福", "春晖", "金桥", "银杏", "碧水", "玉兰", "新城",
    "康乐", "紫薇", "丹桂", "梧桐", "枫林", "怡景", "华庭", "明珠", "书香", "荷塘", "芳草", "滨河",
)  # fmt: skip
SCHOOL_WORDS = ("实验", "育才", "启明", "东方", "行知", "博雅", "求真", "新华", "朝阳", "明德")
ROADS = (
    "振兴路", "育才路", "文化路", "向阳路", "团结路", "幸福路", "新华路", "朝阳路", "和平路", "富民路",
    "兴业路", "学府路", "科技路", "光明路", "长江路", "黄河路", "友谊路", "民主路", "健康路", "青年路",
)  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂华文英建国志红玉兰春梅海燕晓东雪琳思宇浩然子涵"

# --- exhibits -----------------------------------------------------------------------------------

# (Chinese name, English name, kind): m mechanical, e electric, s screen-based.
CATALOGUE: dict[str, tuple[tuple[str, str, str], ...]] = {
    "力学": (
        ("最速降线", "Brachistochrone", "m"), ("傅科摆", "Foucault pendulum", "e"),
        ("伯努利悬球", "Bernoulli ball", "e"), ("滚球艺术", "Rolling ball sculpture", "m"),
        ("锥体上滚", "Double cone rolling uphill", "m"), ("角动量守恒转椅", "Angular momentum chair", "m"),
        ("杠杆原理", "Lever principle", "m"), ("滑轮组", "Pulley system", "m"),
        ("单摆周期", "Pendulum period", "m"), ("共振摆", "Resonance pendulums", "m"),
        ("陀螺仪", "Gyroscope", "m"), ("钉床", "Bed of nails", "m"),
        ("科里奥利力", "Coriolis effect", "m"), ("牛顿摆", "Newton's cradle", "m"),
        ("浮力演示", "Buoyancy demonstration", "m"), ("空气炮", "Air cannon", "m"),
        ("旋转的液面", "Rotating liquid surface", "e"), ("摩擦力比较", "Friction comparison", "m"),
    ),
    "声光电磁": (
        ("辉光球", "Plasma ball", "e"), ("雅各布天梯", "Jacob's ladder", "e"),
        ("激光竖琴", "Laser harp", "e"), ("手蓄电池", "Hand battery", "m"),
        ("电磁秋千", "Electromagnetic swing", "e"), ("传声筒", "Speaking tubes", "m"),
        ("声聚焦", "Sound focusing", "m"), ("克拉尼图形", "Chladni figures", "e"),
        ("光的三原色", "Primary colours of light", "e"), ("无穷镜", "Infinity mirror", "e"),
        ("潜望镜", "Periscope", "m"), ("偏振光", "Polarised light", "e"),
        ("磁悬浮", "Magnetic levitation", "e"), ("电磁炮", "Coilgun", "e"),
        ("楞次定律", "Lenz's law", "m"), ("怒发冲冠", "Van de Graaff generator", "e"),
        ("光纤通信", "Optical fibre", "e"), ("跳环实验", "Jumping ring", "e"),
    ),
    "数学": (
        ("莫比乌斯带", "Möbius strip", "m"), ("勾股定理", "Pythagorean theorem", "m"),
        ("高尔顿板", "Galton board", "m"), ("七巧板", "Tangram", "m"),
        ("汉诺塔", "Tower of Hanoi", "m"), ("圆周率π", "Digits of pi", "s"),
        ("黄金分割", "Golden ratio", "m"), ("最短路径", "Shortest path", "m"),
        ("斐波那契数列", "Fibonacci sequence", "m"), ("二进制", "Binary numbers", "e"),
        ("正多面体", "Platonic solids", "m"), ("椭圆的反射", "Elliptical reflection", "m"),
        ("圆锥曲线", "Conic sections", "m"), ("分形之美", "Beauty of fractals", "s"),
        ("蒲丰投针", "Buffon's needle", "m"), ("勒洛三角形", "Reuleaux triangle", "m"),
        ("四色问题", "Four colour problem", "m"), ("魔方", "Rubik's cube", "m"),
    ),
    "生命科学": (
        ("人体骨骼", "Human skeleton", "m"), ("DNA双螺旋", "DNA double helix", "m"),
        ("细胞的结构", "Structure of the cell", "m"), ("显微镜下的世界", "Under the microscope", "e"),
        ("心脏的跳动", "Beating heart", "e"), ("血液循环", "Blood circulation", "e"),
        ("反应时间测试", "Reaction time test", "e"), ("视错觉", "Optical illusions", "m"),
        ("光合作用", "Photosynthesis", "e"), ("昆虫标本", "Insect specimens", "m"),
        ("生物多样性", "Biodiversity", "s"), ("进化之树", "Tree of evolution", "m"),
        ("基因与遗传", "Genes and heredity", "s"), ("肺活量测试", "Lung capacity test", "e"),
        ("嗅觉辨识", "Smell identification", "m"), ("睡眠的秘密", "Secrets of sleep", "s"),
    ),
    "航空航天": (
        ("飞机为什么能飞", "Why planes fly", "e"), ("风洞", "Wind tunnel", "e"),
        ("空气火箭", "Air rocket", "m"), ("模拟驾驶飞机", "Flight simulator", "e"),
        ("太阳系", "Solar system", "e"), ("月相变化", "Phases of the moon", "e"),
        ("空间站模型", "Space station model", "m"), ("北斗导航", "BeiDou navigation", "s"),
        ("嫦娥探月", "Chang'e lunar exploration", "m"), ("交会对接", "Docking in orbit", "e"),
        ("航天服", "Spacesuit", "m"), ("卫星轨道", "Satellite orbits", "e"),
        ("热气球", "Hot-air balloon", "e"), ("降落伞", "Parachute", "m"),
        ("直升机原理", "Helicopter rotor", "e"), ("火星车", "Mars rover", "m"),
        ("VR太空漫步", "VR spacewalk", "e"),
    ),
    "安全应急": (
        ("地震模拟", "Earthquake simulator", "e"), ("火灾逃生", "Fire escape", "e"),
        ("灭火器使用", "Using a fire extinguisher", "e"), ("心肺复苏", "CPR training", "e"),
        ("交通安全", "Road safety", "e"), ("安全用电", "Electrical safety", "e"),
        ("防溺水", "Drowning prevention", "s"), ("防台防汛", "Typhoon and flood preparedness", "s"),
        ("燃气安全", "Gas safety", "e"), ("急救包扎", "First-aid bandaging", "m"),
        ("安全标志识别", "Safety signs", "m"), ("应急避难", "Emergency shelter", "m"),
        ("烟雾逃生", "Smoke escape", "e"), ("防诈骗", "Fraud prevention", "s"),
        ("食品安全", "Food safety", "s"), ("自救绳结", "Rescue knots", "m"),
    ),
    "双碳": (
        ("风力发电", "Wind power", "e"), ("光伏发电", "Solar photovoltaics", "e"),
        ("碳足迹计算", "Carbon footprint calculator", "s"), ("水力发电", "Hydropower", "e"),
        ("氢能源", "Hydrogen energy", "e"), ("垃圾分类", "Waste sorting", "e"),
        ("节能灯比较", "Energy-saving lamps", "e"), ("碳循环", "Carbon cycle", "m"),
        ("新能源汽车", "New energy vehicles", "e"), ("人力发电", "Pedal power", "e"),
        ("温室效应", "Greenhouse effect", "e"), ("储能电池", "Energy storage", "e"),
        ("森林碳汇", "Forest carbon sink", "m"), ("地热能", "Geothermal energy", "m"),
        ("潮汐能", "Tidal energy", "e"), ("低碳生活", "Low-carbon living", "s"),
    ),
    "信息科技": (
        ("信息编码", "Information coding", "m"), ("摩尔斯电码", "Morse code", "e"),
        ("二维码原理", "How QR codes work", "s"), ("互联网是怎样连接的", "How the internet connects", "e"),
        ("计算机的发展", "History of computers", "m"), ("芯片的制造", "Making a chip", "m"),
        ("5G通信", "5G communication", "e"), ("密码学", "Cryptography", "m"),
        ("电话的演变", "Evolution of the telephone", "e"), ("光通信", "Optical communication", "e"),
        ("条形码扫描", "Barcode scanning", "e"), ("数据可视化", "Data visualisation", "s"),
        ("网络安全", "Cybersecurity", "s"), ("图灵机", "Turing machine", "m"),
        ("逻辑门", "Logic gates", "e"), ("传感器世界", "World of sensors", "e"),
    ),
    "人工智能": (
        ("人脸识别", "Face recognition", "e"), ("语音助手", "Voice assistant", "e"),
        ("机器人下棋", "Chess-playing robot", "e"), ("智能垃圾分拣", "Smart waste sorting", "e"),
        ("手写数字识别", "Handwritten digit recognition", "e"), ("无人驾驶小车", "Self-driving car", "e"),
        ("机械臂", "Robot arm", "e"), ("AI绘画", "AI painting", "e"),
        ("手势识别", "Gesture recognition", "e"), ("智能翻译", "Machine translation", "e"),
        ("神经网络", "Neural networks", "s"), ("情绪识别", "Emotion recognition", "e"),
        ("机器人舞蹈", "Dancing robots", "e"), ("自动导航", "Autonomous navigation", "e"),
        ("图像识别", "Image recognition", "e"), ("问答机器人", "Question-answering robot", "e"),
    ),
    "地球科学": (
        ("地球的结构", "Structure of the Earth", "m"), ("火山喷发", "Volcanic eruption", "e"),
        ("板块运动", "Plate tectonics", "e"), ("岩石与矿物", "Rocks and minerals", "m"),
        ("化石", "Fossils", "m"), ("龙卷风", "Tornado", "e"),
        ("四季的形成", "Why seasons happen", "e"), ("云的形成", "Cloud formation", "e"),
        ("地震波", "Seismic waves", "e"), ("水循环", "Water cycle", "e"),
        ("日晷", "Sundial", "m"), ("AR沙盘", "Augmented reality sandbox", "e"),
        ("天气预报", "Weather forecasting", "s"), ("海洋的奥秘", "Secrets of the ocean", "s"),
        ("冰川", "Glaciers", "m"), ("潮汐的成因", "Causes of tides", "e"),
    ),
    "健康医学": (
        ("人体平衡测试", "Balance test", "e"), ("视力检测", "Eyesight test", "e"),
        ("膳食宝塔", "Food pyramid", "m"), ("牙齿保护", "Dental care", "m"),
        ("近视的成因", "Causes of short sight", "m"), ("病毒与细菌", "Viruses and bacteria", "s"),
        ("疫苗的作用", "How vaccines work", "s"), ("体脂测量", "Body fat measurement", "e"),
        ("血压测量", "Blood pressure measurement", "e"), ("手部卫生", "Hand hygiene", "e"),
        ("听力测试", "Hearing test", "e"), ("中医经络", "Meridians in Chinese medicine", "m"),
        ("运动与健康", "Exercise and health", "e"), ("心率监测", "Heart rate monitor", "e"),
        ("吸烟的危害", "Harms of smoking", "m"),
    ),
    "农业科技": (
        ("无土栽培", "Soilless cultivation", "e"), ("杂交水稻", "Hybrid rice", "m"),
        ("智慧大棚", "Smart greenhouse", "e"), ("植保无人机", "Crop-spraying drone", "e"),
        ("种子的秘密", "Secrets of seeds", "m"), ("滴灌技术", "Drip irrigation", "e"),
        ("土壤的构成", "Soil composition", "m"), ("昆虫与授粉", "Insects and pollination", "m"),
        ("食用菌", "Edible fungi", "m"), ("水产养殖", "Aquaculture", "e"),
        ("北斗农机", "BeiDou-guided farm machinery", "e"), ("转基因科普", "About GM crops", "s"),
        ("节水灌溉", "Water-saving irrigation", "e"), ("植物组织培养", "Plant tissue culture", "m"),
        ("二十四节气", "The 24 solar terms", "m"), ("稻田综合种养", "Rice-field fish farming", "m"),
    ),
}  # fmt: skip

# Themes that sit well beside a set's main theme and fill it to 50-60 exhibits.
RELATED: dict[str, tuple[str, ...]] = {
    "力学": ("数学", "航空航天", "声光电磁", "地球科学"),
    "声光电磁": ("力学", "信息科技", "数学", "双碳"),
    "数学": ("信息科技", "力学", "人工智能", "声光电磁"),
    "生命科学": ("健康医学", "农业科技", "地球科学", "安全应急"),
    "航空航天": ("力学", "地球科学", "信息科技", "声光电磁"),
    "安全应急": ("健康医学", "地球科学", "力学", "双碳"),
    "双碳": ("地球科学", "农业科技", "声光电磁", "力学"),
    "信息科技": ("人工智能", "数学", "声光电磁", "航空航天"),
    "人工智能": ("信息科技", "数学", "生命科学", "声光电磁"),
    "地球科学": ("双碳", "航空航天", "安全应急", "生命科学"),
    "健康医学": ("生命科学", "安全应急", "农业科技", "数学"),
    "农业科技": ("生命科学", "双碳", "地球科学", "人工智能"),
}

# (theme, set name, adcode of the depot that keeps it); Taizhou and Yangzhou run regional swaps.
SET_DEFS: tuple[tuple[str, str, str], ...] = (
    ("力学", "流动科技馆·力学奥秘", "320000"),
    ("声光电磁", "流动科技馆·声光电磁探秘", "320000"),
    ("数学", "流动科技馆·数学之美", "321200"),
    ("生命科学", "流动科技馆·生命的奇迹", "321200"),
    ("航空航天", "流动科技馆·飞天梦想", "320000"),
    ("安全应急", "流动科技馆·安全应急体验", "321000"),
    ("双碳", "流动科技馆·低碳生活 双碳未来", "321000"),
    ("信息科技", "流动科技馆·信息时代", "320300"),
    ("人工智能", "流动科技馆·智能未来", "320000"),
    ("地球科学", "流动科技馆·探索地球", "320900"),
    ("健康医学", "流动科技馆·健康生活", "320300"),
    ("农业科技", "流动科技馆·智慧农业", "321300"),
)

EXHIBIT_FAULTS = (
    "按钮失灵", "屏幕花屏", "电源模块损坏", "传感器失灵", "外壳破损", "机械卡滞", "灯管不亮",
    "触摸屏无响应", "传动皮带断裂", "电机异响", "程序死机", "连接线松脱", "亚克力罩破裂", "转轴磨损",
)  # fmt: skip
CARAVAN_FAULTS = (
    "发电机故障", "液压支腿漏油", "刹车片磨损", "空调不制冷", "轮胎老化", "蓄电池亏电",
    "展厢侧翻板卡滞", "音响功放故障", "车载电路老化", "雨刮电机故障", "展厢顶棚渗水",
)  # fmt: skip
CARAVAN_BIG_FAULTS = ("发动机大修", "变速箱更换", "展厢液压系统更换", "车架锈蚀修复", "发电机组更换")
