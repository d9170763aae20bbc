<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add an account</source>
        <translation>新增账户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Administrator (may add and disable accounts)</source>
        <translation>管理员（可新增、停用账户）</translation>
    </message>
    <message>
        <source>e.g. liming</source>
        <translation>例如 liming</translation>
    </message>
    <message>
        <source>The name is what the person types to sign in: lower-case letters, digits and _, starting with a letter. They may change what belongs to their region and level.</source>
        <translation>账户名是登录时输入的名字：小写字母、数字和下划线，以字母开头。此人可以修改本地区、本层级的数据。</translation>
    </message>
    <message>
        <source>Enter the account&apos;s name.</source>
        <translation>请输入账户名。</translation>
    </message>
    <message>
        <source>Choose the account&apos;s region.</source>
        <translation>请选择账户所属地区。</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Disabled: may not sign in</source>
        <translation>已停用：不能登录</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Account not added</source>
        <translation>未新增账户</translation>
    </message>
    <message>
        <source>Account %1 added; it may sign in now.</source>
        <translation>已新增账户 %1，现在可以登录。</translation>
    </message>
    <message>
        <source>Not disabled</source>
        <translation>未停用</translation>
    </message>
    <message>
        <source>%1 is the account you are signed in with; another administrator must disable it.</source>
        <translation>%1 是您当前登录的账户，须由其他管理员停用。</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Disable %1? The person may no longer sign in; what they did keeps their name. Connections open now stay open until they close.</source>
        <translation>停用 %1？此人将不能再登录；其已做的修改仍记在其名下。当前已打开的连接会保持到关闭为止。</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>已停用账户 %1。</translation>
    </message>
    <message>
        <source>Password not changed</source>
        <translation>密码未修改</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>已修改 %1 的密码。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>The people who sign in to this database, each with a login of their own on the server. A province account may change everything; a city one what belongs to its city and its counties; a county one what belongs to its county. The server holds these rules, whatever program is used.</source>
        <translation>登录本数据库的人员，每人在服务器上有自己的登录名。省级账户可修改全部数据；市级账户可修改本市及所辖县区的数据；县级账户可修改本县区的数据。无论使用何种程序，这些规则都由服务器执行。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增……</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码……</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>The row was changed by someone else since your edit, so the undo history was cleared and nothing was overwritten.</source>
        <translation>该记录在您修改之后已被他人更改，因此撤销记录已清空，未覆盖任何内容。</translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <source>Candidate</source>
        <translation>候选编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rules that flagged it</source>
        <translation>触发的规则</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>All recommendations</source>
        <translation>全部建议</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>全部决定</translation>
    </message>
    <message>
        <source>Only the province decides on retirement.</source>
        <translation>报废决定只能由省级作出。</translation>
    </message>
    <message>
        <source>%1 of %2 shown · %3 selected</source>
        <translation>显示 %1 / %2 · 已选 %3</translation>
    </message>
    <message>
        <source>Choose a candidate to see its evidence.</source>
        <translation>选择一个候选项以查看其依据。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Saving %1 decision(s)…</source>
        <translation>正在保存 %1 项决定…</translation>
    </message>
    <message>
        <source>%1 set to %2</source>
        <translation>%1 已设为%2</translation>
    </message>
    <message>
        <source>%1 candidates set to %2</source>
        <translation>%1 个候选项已设为%2</translation>
    </message>
    <message>
        <source>Saved: %1. Undo takes it back.</source>
        <translation>已保存：%1。撤销可恢复。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Someone else decided on %1 since the list was read, so none of the %2 decisions was saved. The list now shows their decisions: check them and choose again.</source>
        <translation>读取列表后，他人已对%1作出决定，因此这 %2 项决定均未保存。列表现已显示对方的决定：请核对后重新选择。</translation>
    </message>
    <message>
        <source>some of these candidates</source>
        <translation>其中部分候选项</translation>
    </message>
    <message>
        <source>Select all shown</source>
        <translation>全选所显示的</translation>
    </message>
    <message>
        <source>Accept selected</source>
        <translation>同意所选</translation>
    </message>
    <message>
        <source>Reject selected</source>
        <translation>驳回所选</translation>
    </message>
    <message>
        <source>Set selected undecided</source>
        <translation>所选设为待定</translation>
    </message>
    <message>
        <source>Search code or name…</source>
        <translation>按编号或名称搜索…</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Division kind</source>
        <translation>区划类型</translation>
    </message>
    <message>
        <source>Parent region</source>
        <translation>上级地区</translation>
    </message>
    <message>
        <source>Owner level</source>
        <translation>所属层级</translation>
    </message>
    <message>
        <source>Owner region</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Home depot</source>
        <translation>常驻仓库</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>Exhibit slots</source>
        <translation>展位数</translation>
    </message>
    <message>
        <source>Crew size</source>
        <translation>乘员数</translation>
    </message>
    <message>
        <source>In service since</source>
        <translation>投入使用日期</translation>
    </message>
    <message>
        <source>Odometer (km)</source>
        <translation>里程（km）</translation>
    </message>
    <message>
        <source>Odometer read on</source>
        <translation>里程读数日期</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Length (cm)</source>
        <translation>长（cm）</translation>
    </message>
    <message>
        <source>Width (cm)</source>
        <translation>宽（cm）</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>高（cm）</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>重量（kg）</translation>
    </message>
    <message>
        <source>Power (W)</source>
        <translation>功率（W）</translation>
    </message>
    <message>
        <source>Acquired on</source>
        <translation>购置日期</translation>
    </message>
    <message>
        <source>Service life (years)</source>
        <translation>使用年限（年）</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>品相</translation>
    </message>
    <message>
        <source>Depot</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Caravan</source>
        <translation>大篷车</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>套组</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>维修车间</translation>
    </message>
    <message>
        <source>Hall area (m²)</source>
        <translation>展厅面积（m²）</translation>
    </message>
    <message>
        <source>Install days</source>
        <translation>布展天数</translation>
    </message>
    <message>
        <source>Uninstall days</source>
        <translation>撤展天数</translation>
    </message>
    <message>
        <source>Truck loads</source>
        <translation>运输车次</translation>
    </message>
    <message>
        <source>Formed on</source>
        <translation>组建日期</translation>
    </message>
    <message>
        <source>Required make-up</source>
        <translation>配置要求</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Caravan parking</source>
        <translation>可停放大篷车</translation>
    </message>
    <message>
        <source>Open weekdays</source>
        <translation>开放日</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>开放时间起</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>开放时间止</translation>
    </message>
    <message>
        <source>Key county</source>
        <translation>重点县</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>最早日期</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最晚日期</translation>
    </message>
    <message>
        <source>Show days</source>
        <translation>展出天数</translation>
    </message>
    <message>
        <source>Themes wanted</source>
        <translation>期望主题</translation>
    </message>
    <message>
        <source>Caravan types</source>
        <translation>车型要求</translation>
    </message>
    <message>
        <source>Expected audience</source>
        <translation>预计观众</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>City</source>
        <translation>设区市</translation>
    </message>
    <message>
        <source>Where now</source>
        <translation>当前位置</translation>
    </message>
    <message>
        <source>Venue name</source>
        <translation>场地名称</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare plans</source>
        <translation>方案对比</translation>
    </message>
    <message>
        <source>Requests served</source>
        <translation>已满足需求</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 — %4 (%5 days)</source>
        <translation>%1 · %2 · %3 至 %4（%5 天）</translation>
    </message>
    <message>
        <source>Against the first plan, the second serves %1 requests more and %2 fewer. Trips: %3 the same in both, %4 only in the first, %5 only in the second.</source>
        <translation>与第一个方案相比，第二个方案多满足 %1 条需求、少满足 %2 条。行程：两者相同 %3 个，仅第一个方案有 %4 个，仅第二个方案有 %5 个。</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Days per caravan</source>
        <translation>各车出车天数</translation>
    </message>
    <message>
        <source>Requests gained (%1)</source>
        <translation>新增满足的需求（%1）</translation>
    </message>
    <message>
        <source>Requests lost (%1)</source>
        <translation>不再满足的需求（%1）</translation>
    </message>
    <message>
        <source>Trips changed (%1)</source>
        <translation>变化的行程（%1）</translation>
    </message>
    <message>
        <source>Both sides show the same plan: choose another to compare with.</source>
        <translation>两侧是同一个方案：请选择另一个方案进行对比。</translation>
    </message>
    <message>
        <source>The plans cover different dates: the first %1 — %2 (%3 days), the second %4 — %5 (%6 days). Their figures count different periods and requests: %7 requests are only among the first plan&apos;s, %8 only among the second&apos;s.</source>
        <translation>两个方案的日期范围不同：第一个 %1 至 %2（%3 天），第二个 %4 至 %5（%6 天）。两者的统计针对不同的时段和需求：%7 条需求只在第一个方案中，%8 条只在第二个方案中。</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Share served (%)</source>
        <translation>满足率（%）</translation>
    </message>
    <message>
        <source>Key-county requests served</source>
        <translation>重点县需求已满足</translation>
    </message>
    <message>
        <source>Key-county requests</source>
        <translation>重点县需求</translation>
    </message>
    <message>
        <source>Kilometres</source>
        <translation>里程（km）</translation>
    </message>
    <message>
        <source>Days on the road</source>
        <translation>出车天数</translation>
    </message>
    <message>
        <source>Caravan</source>
        <translation>大篷车</translation>
    </message>
    <message>
        <source>Days on the road,
%1</source>
        <translation>出车天数，
%1</translation>
    </message>
    <message>
        <source>Trips,
%1</source>
        <translation>行程数，
%1</translation>
    </message>
    <message>
        <source>Trips changed</source>
        <translation>变化的行程</translation>
    </message>
    <message>
        <source>Outside its dates (%1 — %2)</source>
        <translation>不在其日期范围内（%1 至 %2）</translation>
    </message>
    <message>
        <source>Not among its requests</source>
        <translation>不在其需求之列</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>需求编号</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>Key county</source>
        <translation>重点县</translation>
    </message>
    <message>
        <source>Show day in
%1</source>
        <translation>在%1中的
展出日</translation>
    </message>
    <message>
        <source>Caravan in
%1</source>
        <translation>在%1中的
大篷车</translation>
    </message>
    <message>
        <source>Why not in
%1</source>
        <translation>%1中
未满足的原因</translation>
    </message>
    <message>
        <source>Only in</source>
        <translation>仅出现于</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Leaves</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>First plan</source>
        <translation>第一个方案</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>对比方案</translation>
    </message>
    <message>
        <source>Requests gained</source>
        <translation>新增满足的需求</translation>
    </message>
    <message>
        <source>Requests lost</source>
        <translation>不再满足的需求</translation>
    </message>
    <message>
        <source>Trips</source>
        <translation>行程数</translation>
    </message>
    <message>
        <source>Show days</source>
        <translation>展出天数</translation>
    </message>
    <message>
        <source>Caravans on the road</source>
        <translation>出车的大篷车</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>%1 %2 was changed by someone else after you opened it. Nothing was saved. Your values are below and on the clipboard; reload to see the saved ones.</source>
        <translation>您打开%1 %2之后，它已被他人修改。本次未保存任何内容。您填写的值列在下方，并已复制到剪贴板；重新加载可查看已保存的值。</translation>
    </message>
    <message>
        <source>Reload and keep my values</source>
        <translation>重新加载并保留我的值</translation>
    </message>
    <message>
        <source>Reload the saved values</source>
        <translation>重新加载已保存的值</translation>
    </message>
    <message>
        <source>Copy my values</source>
        <translation>复制我的值</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Your values:</source>
        <translation>您填写的值：</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect: %1. Your saved work is safe.</source>
        <translation>程序遇到了意外错误：%1。已保存的数据不受影响。</translation>
    </message>
    <message>
        <source>Details are in the log file: %1</source>
        <translation>详细信息见日志文件：%1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>No events are recorded yet.</source>
        <translation>尚无活动记录。</translation>
    </message>
    <message>
        <source>Key counties without a show this year: %1</source>
        <translation>本年度尚未开展活动的重点县：%1</translation>
    </message>
    <message>
        <source>Every key-assistance county had at least one show this year.</source>
        <translation>本年度每个省重点帮促县都至少开展了一次活动。</translation>
    </message>
    <message>
        <source>Kilometres per caravan</source>
        <translation>各车行驶里程（km）</translation>
    </message>
    <message>
        <source>Days on the road per caravan</source>
        <translation>各车出车天数</translation>
    </message>
    <message>
        <source>Visitors per month</source>
        <translation>各月观众人数</translation>
    </message>
    <message>
        <source>Exhibits by condition</source>
        <translation>展品品相分布</translation>
    </message>
    <message>
        <source>Stops per set</source>
        <translation>各套组巡展站数</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Coverage map</source>
        <translation>覆盖地图</translation>
    </message>
    <message>
        <source>Inventory map</source>
        <translation>库存地图</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>活动场次</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>观众人次</translation>
    </message>
    <message>
        <source>Counties covered</source>
        <translation>覆盖县区</translation>
    </message>
    <message>
        <source>Key counties covered</source>
        <translation>覆盖重点县</translation>
    </message>
    <message>
        <source>Caravan km driven</source>
        <translation>大篷车行驶里程（km）</translation>
    </message>
    <message>
        <source>Caravan days on the road</source>
        <translation>大篷车出车天数</translation>
    </message>
    <message>
        <source>Working days used (shows)</source>
        <translation>工作日利用率（展出）</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Stands in %1 (%2) from %3 to %4.</source>
        <translation>%3 至 %4 在%1（%2）展出。</translation>
    </message>
    <message>
        <source>In store at %1.</source>
        <translation>存放于%1。</translation>
    </message>
    <message>
        <source>Last in %1 (%2) until %3.</source>
        <translation>上一次在%1（%2），至 %3。</translation>
    </message>
    <message>
        <source>Next: %1 (%2) from %3, plan %4.</source>
        <translation>下一站：%1（%2），%3 起，方案 %4。</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>展厅</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>City</source>
        <translation>设区市</translation>
    </message>
    <message>
        <source>Came from</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Truck km</source>
        <translation>运输里程（km）</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>观众人数</translation>
    </message>
    <message>
        <source>Record or plan</source>
        <translation>记录或计划</translation>
    </message>
    <message>
        <source>Plan %1 (%2)</source>
        <translation>方案 %1（%2）</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>展厅</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改记录</translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message>
        <source>All cities</source>
        <translation>全部设区市</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All conditions</source>
        <translation>全部品相</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>品相</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>检查场合</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>By</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Cost (yuan)</source>
        <translation>费用（元）</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>维修车间</translation>
    </message>
    <message>
        <source>Read-only: this belongs to %1. Your account, %2, may change only its own.</source>
        <translation>只读：此项属于%1。您的账户（%2）只能修改本级所属的数据。</translation>
    </message>
    <message>
        <source>Only the province may add these.</source>
        <translation>只有省级可以新增此类数据。</translation>
    </message>
    <message>
        <source>Cannot edit</source>
        <translation>无法编辑</translation>
    </message>
    <message>
        <source>Add %1 %2</source>
        <translation>新增%1 %2</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>编辑%1 %2</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Cannot reload</source>
        <translation>无法重新加载</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Retire %1 %2?</source>
        <translation>确定报废%1 %2吗？</translation>
    </message>
    <message>
        <source>Retire %1 %2</source>
        <translation>报废%1 %2</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>未调拨</translation>
    </message>
    <message>
        <source>Move exhibit %1 to %2</source>
        <translation>将展品 %1 调拨到%2</translation>
    </message>
    <message>
        <source>undo of a move</source>
        <translation>撤销调拨</translation>
    </message>
    <message>
        <source>Search code, name, theme, city…</source>
        <translation>搜索编号、名称、主题、城市……</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增……</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑……</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>取消需求</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>调拨……</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Location history</source>
        <translation>位置记录</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <source>Condition checks</source>
        <translation>状态检查</translation>
    </message>
</context>
<context>
    <name>ExportsBar</name>
    <message>
        <source>Events for the national platform</source>
        <translation>报送全国平台的活动</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Not written: the last day %1 is before the first %2</source>
        <translation>未写出：结束日期 %1 早于开始日期 %2</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>未写出：%1</translation>
    </message>
    <message>
        <source>%1 events written to %2</source>
        <translation>已将 %1 场活动写入 %2</translation>
    </message>
    <message>
        <source>Bookings of a venue</source>
        <translation>场地的预约日程</translation>
    </message>
    <message>
        <source>Calendars (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>%1 bookings of %2 written to %3</source>
        <translation>已将 %2 的 %1 项预约写入 %3</translation>
    </message>
    <message>
        <source>Files for others</source>
        <translation>对外报送文件</translation>
    </message>
    <message>
        <source>Events (national platform)</source>
        <translation>活动（全国平台）</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <source>A venue&apos;s bookings</source>
        <translation>场地预约</translation>
    </message>
    <message>
        <source>Save calendar (.ics)…</source>
        <translation>保存日历 (.ics)…</translation>
    </message>
</context>
<context>
    <name>FieldCheck</name>
    <message>
        <source>must be between %1 and %2</source>
        <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>数值过大</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is not a date (YYYY-MM-DD)</source>
        <translation>不是日期（年-月-日，如 2027-03-01）</translation>
    </message>
    <message>
        <source>is no such date</source>
        <translation>日期不存在</translation>
    </message>
    <message>
        <source>is not a time (HH:MM)</source>
        <translation>不是时间（时:分，如 08:30）</translation>
    </message>
    <message>
        <source>is no such time</source>
        <translation>时间不存在</translation>
    </message>
    <message>
        <source>is not weekday digits 1 (Monday) to 7 (Sunday), e.g. 12345</source>
        <translation>不是星期数字 1（周一）到 7（周日），例如 12345</translation>
    </message>
    <message>
        <source>names an unknown caravan type: %1</source>
        <translation>含有未知车型：%1</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>must be 6 digits</source>
        <translation>必须是 6 位数字</translation>
    </message>
    <message>
        <source>has the wrong form</source>
        <translation>格式不正确</translation>
    </message>
    <message>
        <source>comes before %1</source>
        <translation>早于%1</translation>
    </message>
</context>
<context>
    <name>FieldWindow</name>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>held, %1 visitors</source>
        <translation>已举办，观众 %1 人</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Arrive</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>展演</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录情况</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Grade at export</source>
        <translation>导出时等级</translation>
    </message>
    <message>
        <source>Grade checked</source>
        <translation>现场检查等级</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Damage or loss</source>
        <translation>损坏或遗失</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>是否有效</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>replaced by a later entry</source>
        <translation>已被后一条记录取代</translation>
    </message>
    <message>
        <source>Entries (%1)</source>
        <translation>记录（%1）</translation>
    </message>
    <message>
        <source>Caravan %1 (%2), type %3</source>
        <translation>大篷车 %1（%2），%3型</translation>
    </message>
    <message>
        <source>Set %1 %2</source>
        <translation>展品套 %1 %2</translation>
    </message>
    <message>
        <source>%1 · %2 to %3 · from %4 · plan %5 · %6 of %7 shows recorded · %8 exhibits on board</source>
        <translation>%1 · %2 至 %3 · 自%4出发 · 方案 %5 · 已记录 %6/%7 场展演 · 车载展品 %8 件</translation>
    </message>
    <message>
        <source>show</source>
        <translation>展演</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>状况检查</translation>
    </message>
    <message>
        <source>damage or loss</source>
        <translation>损坏或遗失</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>stop %1</source>
        <translation>第 %1 站</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <source>Entry %1 saved to the kit at %2</source>
        <translation>第 %1 条记录已于 %2 存入工具包</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>超过 %1 个字</translation>
    </message>
    <message>
        <source>is not a number of 0 or more</source>
        <translation>不是不小于 0 的数</translation>
    </message>
    <message>
        <source>is more than %1</source>
        <translation>超过 %1</translation>
    </message>
    <message>
        <source>is before the start (%1)</source>
        <translation>早于开始时间（%1）</translation>
    </message>
    <message>
        <source>is only for a cancelled show</source>
        <translation>仅适用于已取消的展演</translation>
    </message>
    <message>
        <source>is only for a show that was held</source>
        <translation>仅适用于已举办的展演</translation>
    </message>
    <message>
        <source>is not an exhibit in this kit</source>
        <translation>不是本工具包中的展品</translation>
    </message>
    <message>
        <source>is not near the kit&apos;s dates (%1)</source>
        <translation>不在工具包日期附近（%1）</translation>
    </message>
    <message>
        <source>is not within the stay (%1)</source>
        <translation>不在展期内（%1）</translation>
    </message>
    <message>
        <source>is not a stop of this trip (%1)</source>
        <translation>不是本行程的站点（%1）</translation>
    </message>
    <message>
        <source>is not a date (YYYY-MM-DD)</source>
        <translation>不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>is not a time (HH:MM)</source>
        <translation>不是时间（HH:MM）</translation>
    </message>
    <message>
        <source>is not one of %1</source>
        <translation>不是以下之一：%1</translation>
    </message>
    <message>
        <source>is not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>The kit holds no map: %1</source>
        <translation>工具包中没有地图：%1</translation>
    </message>
    <message>
        <source>Route sheet saved to %1</source>
        <translation>路线单已保存到 %1</translation>
    </message>
    <message>
        <source>Save route sheet</source>
        <translation>保存路线单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Trip %1</source>
        <translation>行程 %1</translation>
    </message>
    <message>
        <source>Museum stay %1</source>
        <translation>流动科技馆展期 %1</translation>
    </message>
    <message>
        <source>Field kit %1 — %2</source>
        <translation>现场工具包 %1 — %2</translation>
    </message>
    <message>
        <source>Open route sheet</source>
        <translation>打开路线单</translation>
    </message>
    <message>
        <source>Save route sheet…</source>
        <translation>保存路线单…</translation>
    </message>
    <message>
        <source>Route and shows</source>
        <translation>路线与展演</translation>
    </message>
    <message>
        <source>Days and shows</source>
        <translation>日程与展演</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Exhibits on board</source>
        <translation>车载展品</translation>
    </message>
    <message>
        <source>Record a show</source>
        <translation>记录一场展演</translation>
    </message>
    <message>
        <source>caravan</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>departure</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <source>return</source>
        <translation>返回时间</translation>
    </message>
    <message>
        <source>set</source>
        <translation>展品套</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>show start</source>
        <translation>展演开始</translation>
    </message>
    <message>
        <source>show end</source>
        <translation>展演结束</translation>
    </message>
    <message>
        <source>trip</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>stay</source>
        <translation>展期</translation>
    </message>
    <message>
        <source>the %1 is no longer in the database</source>
        <translation>数据库中已没有这个%1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>stop %1 added (%2)</source>
        <translation>新增第 %1 站（%2）</translation>
    </message>
    <message>
        <source>stop %1 removed (%2)</source>
        <translation>删除第 %1 站（%2）</translation>
    </message>
    <message>
        <source>stop %1, %2: %3 → %4</source>
        <translation>第 %1 站，%2：%3 → %4</translation>
    </message>
    <message>
        <source>saved again since export</source>
        <translation>导出后又被保存过</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason cancelled</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>观众人数</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>观众类型</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已举办</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>e.g. pupils of grades 3–6, villagers</source>
        <translation>如：三至六年级小学生、村民</translation>
    </message>
    <message>
        <source>e.g. rain, school exam, road closed</source>
        <translation>如：降雨、学校考试、道路封闭</translation>
    </message>
    <message>
        <source>Record show</source>
        <translation>记录展演</translation>
    </message>
    <message>
        <source>Condition check</source>
        <translation>状况检查</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Record condition</source>
        <translation>记录状况</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record damage or loss</source>
        <translation>记录损坏或遗失</translation>
    </message>
    <message>
        <source>The map opens when this tab is shown.</source>
        <translation>打开此页时显示地图。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close kit</source>
        <translation>关闭工具包(&amp;C)</translation>
    </message>
    <message>
        <source>Each entry is saved to the kit as it is recorded.</source>
        <translation>每条记录一经记下即存入工具包。</translation>
    </message>
    <message>
        <source>Changed in the office</source>
        <translation>办公室已修改</translation>
    </message>
    <message>
        <source>%1 was changed in the office since the kit was exported:

%2

Import the field records anyway?</source>
        <translation>工具包导出后，办公室修改了 %1：

%2

仍要导入现场记录吗？</translation>
    </message>
    <message>
        <source>Kit not imported</source>
        <translation>工具包未导入</translation>
    </message>
    <message>
        <source>Replace a kit with records?</source>
        <translation>替换含有记录的工具包？</translation>
    </message>
    <message>
        <source>%1 holds %2 field records the office has not imported. Replacing it loses them.

Replace it anyway?</source>
        <translation>%1 中有 %2 条办公室尚未导入的现场记录，替换后这些记录将丢失。

仍要替换吗？</translation>
    </message>
    <message>
        <source>Kit not opened</source>
        <translation>工具包未打开</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Import Excel</source>
        <translation>导入 Excel</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 updated</source>
        <translation>已导入 %1：新增 %2 条，更新 %3 条</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>Field kits (*.ckit)</source>
        <translation>现场工具包 (*.ckit)</translation>
    </message>
    <message>
        <source>Open field kit</source>
        <translation>打开现场工具包</translation>
    </message>
    <message>
        <source>Import field kit</source>
        <translation>导入现场工具包</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Cities, counties and towns</source>
        <translation>设区市、县和乡镇</translation>
    </message>
    <message>
        <source>Depots and workshops</source>
        <translation>仓库和维修车间</translation>
    </message>
    <message>
        <source>Schools, townships and other venues</source>
        <translation>学校、乡镇和其他场地</translation>
    </message>
    <message>
        <source>Caravans and museum sets</source>
        <translation>大篷车和流动科技馆套组</translation>
    </message>
    <message>
        <source>A year of shows and set placements</source>
        <translation>一年的展出和套组驻展记录</translation>
    </message>
    <message>
        <source>Exhibits, their checks and repairs</source>
        <translation>展品及其检查和维修</translation>
    </message>
    <message>
        <source>Joint tours and the spring term&apos;s requests</source>
        <translation>联动巡展和春季学期的需求</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Science caravans and travelling museums</source>
        <translation>科普大篷车与流动科技馆调度</translation>
    </message>
    <message>
        <source>First start: the Jiangsu demo province is being put into %1, so that every screen has something to show. This takes a few seconds.</source>
        <translation>首次启动：正在把江苏演示数据写入 %1，让每个界面都有内容可看。需要几秒钟。</translation>
    </message>
    <message>
        <source>Step %1 of %2…</source>
        <translation>第 %1 步，共 %2 步…</translation>
    </message>
    <message>
        <source>Opening the window…</source>
        <translation>正在打开窗口…</translation>
    </message>
    <message>
        <source>Demo province not built</source>
        <translation>未能生成演示数据</translation>
    </message>
    <message>
        <source>The demo province could not be built: %1
The program opens on the empty database.</source>
        <translation>未能生成演示数据：%1
程序将以空数据库打开。</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing was written. Fix these %2 problem(s) and import it again:</source>
        <translation>%1 未导入，未写入任何数据。请修正以下 %2 个问题后重新导入：</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <source>trip</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>workshop</source>
        <translation>维修点</translation>
    </message>
    <message>
        <source>joint tour</source>
        <translation>联动巡展</translation>
    </message>
    <message>
        <source>set</source>
        <translation>展品套组</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>数值过大</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>not 是 or 否</source>
        <translation>不是“是”或“否”</translation>
    </message>
    <message>
        <source>no such date</source>
        <translation>日期不存在</translation>
    </message>
    <message>
        <source>a date without a time is expected</source>
        <translation>只应填写日期，不带时间</translation>
    </message>
    <message>
        <source>not a date (YYYY-MM-DD)</source>
        <translation>不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>no such time</source>
        <translation>时间不存在</translation>
    </message>
    <message>
        <source>not a date and time (YYYY-MM-DD HH:MM)</source>
        <translation>不是日期时间（YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <source>not a time (HH:MM)</source>
        <translation>不是时间（HH:MM）</translation>
    </message>
    <message>
        <source>“%1” is not one of %2</source>
        <translation>“%1”不是以下之一：%2</translation>
    </message>
    <message>
        <source>weekdays are the digits 1 (Monday) to 7 (Sunday), e.g. 12345</source>
        <translation>开放日应为数字 1（周一）至 7（周日），例如 12345</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>longer than %1 characters, the most an Excel cell holds</source>
        <translation>超过 %1 个字符，即 Excel 单元格的上限</translation>
    </message>
    <message>
        <source>holds a control character Excel cannot keep (%1)</source>
        <translation>含有 Excel 无法保存的控制字符（%1）</translation>
    </message>
    <message>
        <source>must be 6 digits</source>
        <translation>必须是 6 位数字</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>a column of data without a header</source>
        <translation>此列有数据但没有表头</translation>
    </message>
    <message>
        <source>unknown column</source>
        <translation>未知的列</translation>
    </message>
    <message>
        <source>duplicate column, also column %1</source>
        <translation>重复的列，与第 %1 列相同</translation>
    </message>
    <message>
        <source>missing column</source>
        <translation>缺少此列</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>duplicate, also in row %1</source>
        <translation>重复，与第 %1 行相同</translation>
    </message>
    <message>
        <source>no %1 with this code</source>
        <translation>没有此编号的%1</translation>
    </message>
    <message>
        <source>ends before it starts (%1 %2)</source>
        <translation>结束早于开始（%1 %2）</translation>
    </message>
    <message>
        <source>closes before it opens (%1 %2)</source>
        <translation>关闭早于开放（%1 %2）</translation>
    </message>
    <message>
        <source>leaves before it joins (%1 %2)</source>
        <translation>离开早于加入（%1 %2）</translation>
    </message>
    <message>
        <source>latest date before the earliest (%1 %2)</source>
        <translation>最晚日期早于最早日期（%1 %2）</translation>
    </message>
    <message>
        <source>returns before it leaves (%1 %2)</source>
        <translation>返回早于出发（%1 %2）</translation>
    </message>
    <message>
        <source>starts before arrival (%1 %2)</source>
        <translation>开展早于到达（%1 %2）</translation>
    </message>
    <message>
        <source>at most one of these may be filled, found %1</source>
        <translation>这几列最多只能填一列，现填了 %1 列</translation>
    </message>
    <message>
        <source>exactly one of these must be filled, found %1</source>
        <translation>这几列必须且只能填一列，现填了 %1 列</translation>
    </message>
    <message>
        <source>already used by %1 %2</source>
        <translation>已被%1 %2 使用</translation>
    </message>
    <message>
        <source>refers back to this row (a loop)</source>
        <translation>引用回到本行（形成循环）</translation>
    </message>
    <message>
        <source>not an Excel workbook (.xlsx)</source>
        <translation>不是 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>cell %1 is past column %2, the last an import reads</source>
        <translation>单元格 %1 超出了导入读取的最后一列 %2</translation>
    </message>
    <message>
        <source>cell %1 is past row %2, the last an import reads (%3 rows of data)</source>
        <translation>单元格 %1 超出了导入读取的最后一行 %2（%3 行数据）</translation>
    </message>
    <message>
        <source>a formula where a value belongs (%1)</source>
        <translation>此处应为数值而不是公式（%1）</translation>
    </message>
    <message>
        <source>an Excel error value (%1)</source>
        <translation>Excel 错误值（%1）</translation>
    </message>
    <message>
        <source>merged cells are not allowed (%1)</source>
        <translation>不允许合并单元格（%1）</translation>
    </message>
    <message>
        <source>not a CSV text file</source>
        <translation>不是 CSV 文本文件</translation>
    </message>
    <message>
        <source>cannot tell which table this is: name the file after it (e.g. caravans.csv or 车辆.csv)</source>
        <translation>无法判断这是哪张表：请用表名命名文件（例如 caravans.csv 或 车辆.csv）</translation>
    </message>
    <message>
        <source>only .xlsx workbooks and .csv files can be imported</source>
        <translation>只能导入 .xlsx 工作簿和 .csv 文件</translation>
    </message>
    <message>
        <source>the file has no data</source>
        <translation>文件中没有数据</translation>
    </message>
    <message>
        <source>unknown sheet (the sheets are %1)</source>
        <translation>未知的工作表（工作表应为 %1）</translation>
    </message>
    <message>
        <source>the same table as sheet %1</source>
        <translation>与工作表 %1 是同一张表</translation>
    </message>
    <message>
        <source>and %1 more problems</source>
        <translation>另有 %1 个问题</translation>
    </message>
</context>
<context>
    <name>JointTourDialog</name>
    <message>
        <source>Joint tour</source>
        <translation>联动巡展</translation>
    </message>
    <message>
        <source>Find a city or county</source>
        <translation>查找市或县（区）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>These caravans may also serve these regions:</source>
        <translation>以下大篷车还可服务以下地区：</translation>
    </message>
</context>
<context>
    <name>JointToursPage</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>ended after %1</source>
        <translation>已于 %1 后结束</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Caravans</source>
        <translation>大篷车</translation>
    </message>
    <message>
        <source>May also serve</source>
        <translation>可增加服务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Read-only: this joint tour reaches beyond your account&apos;s caravans and regions.</source>
        <translation>只读：此联动巡展涉及您账户所辖以外的车辆或地区。</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>End after</source>
        <translation>结束于</translation>
    </message>
    <message>
        <source>Add joint tour %1</source>
        <translation>新增联动巡展 %1</translation>
    </message>
    <message>
        <source>Edit joint tour %1</source>
        <translation>编辑联动巡展 %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>End joint tour %1</source>
        <translation>结束联动巡展 %1</translation>
    </message>
    <message>
        <source>Run joint tour %1 again</source>
        <translation>重新启用联动巡展 %1</translation>
    </message>
    <message>
        <source>Joint tours (联动)</source>
        <translation>联动巡展</translation>
    </message>
    <message>
        <source>A joint tour lets the caravans it lists also serve the cities and counties it lists. The tour planner&apos;s Linkage tab proposes them; an ended joint tour is kept for the record and no longer used for plans that start after its last day.</source>
        <translation>联动巡展允许所列大篷车同时服务所列的市、县（区）。巡展排程的“联动”页会提出建议；已结束的联动巡展留作记录，开始日期在其最后一天之后的方案不再使用它。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增……</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑……</translation>
    </message>
</context>
<context>
    <name>KitExport</name>
    <message>
        <source>Kit not written</source>
        <translation>工具包未写出</translation>
    </message>
    <message>
        <source>Trip %1</source>
        <translation>行程 %1</translation>
    </message>
    <message>
        <source>Stay %1</source>
        <translation>驻展 %1</translation>
    </message>
    <message>
        <source>Write a kit of a draft plan?</source>
        <translation>要为草案方案生成现场工具包吗？</translation>
    </message>
    <message>
        <source>%1 belongs to the plan “%2”, which is a draft, not approved. Its crew may be sent where the approved plan will not go.

The kit&apos;s route sheet and map will say DRAFT on every page. Write it anyway?</source>
        <translation>%1 属于方案“%2”，该方案是草案，尚未批准。车组可能会被派往批准后的方案不会去的地方。

工具包的行程单和地图每页都会标注“草案”。仍要生成吗？</translation>
    </message>
</context>
<context>
    <name>KitImportDialog</name>
    <message>
        <source>Kit imported: %1</source>
        <translation>已导入工具包：%1</translation>
    </message>
    <message>
        <source>trip %1</source>
        <translation>行程 %1</translation>
    </message>
    <message>
        <source>stay %1</source>
        <translation>展期 %1</translation>
    </message>
    <message>
        <source>Kit of %1: already imported, nothing changed.</source>
        <translation>%1 的工具包：此前已导入，没有变化。</translation>
    </message>
    <message>
        <source>Kit of %1: %2 shows, %3 condition checks, %4 damage or loss records.</source>
        <translation>%1 的工具包：展演 %2 场，状况检查 %3 条，损坏或遗失 %4 条。</translation>
    </message>
    <message>
        <source>Accepted office change: %1</source>
        <translation>已接受办公室的修改：%1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>replaced by a later entry</source>
        <translation>已被后一条记录取代</translation>
    </message>
    <message>
        <source>show</source>
        <translation>展演</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>状况检查</translation>
    </message>
    <message>
        <source>damage or loss</source>
        <translation>损坏或遗失</translation>
    </message>
    <message>
        <source>Entry %1, %2: %3 %4 — %5</source>
        <translation>第 %1 条，%2：%3 %4 — %5</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>District</source>
        <translation>市辖区</translation>
    </message>
    <message>
        <source>Province level</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>City level</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>County level</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>County-level city</source>
        <translation>县级市</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Township centre</source>
        <translation>乡镇文化中心</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>County science hall</source>
        <translation>县科技馆</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Type I</source>
        <translation>I型</translation>
    </message>
    <message>
        <source>Type II</source>
        <translation>II型</translation>
    </message>
    <message>
        <source>Type III</source>
        <translation>III型</translation>
    </message>
    <message>
        <source>Type IV</source>
        <translation>IV型</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已报废</translation>
    </message>
    <message>
        <source>Caravan kit</source>
        <translation>大篷车展品</translation>
    </message>
    <message>
        <source>Museum set</source>
        <translation>流动科技馆展品</translation>
    </message>
    <message>
        <source>A (as new)</source>
        <translation>A（完好）</translation>
    </message>
    <message>
        <source>B (worn)</source>
        <translation>B（有磨损）</translation>
    </message>
    <message>
        <source>C (faulty)</source>
        <translation>C（带故障）</translation>
    </message>
    <message>
        <source>D (out of order)</source>
        <translation>D（损坏）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>In store</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>Touring</source>
        <translation>巡展中</translation>
    </message>
    <message>
        <source>Disbanded</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Caravan visit</source>
        <translation>大篷车进校园/进乡镇</translation>
    </message>
    <message>
        <source>Museum placement</source>
        <translation>流动科技馆巡展</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待安排</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已排期</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>年检</translation>
    </message>
    <message>
        <source>Refurbishment</source>
        <translation>翻新</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Handover check</source>
        <translation>交接检查</translation>
    </message>
    <message>
        <source>Field check</source>
        <translation>现场检查</translation>
    </message>
    <message>
        <source>Annual stocktake</source>
        <translation>年度盘点</translation>
    </message>
    <message>
        <source>Return check</source>
        <translation>归库检查</translation>
    </message>
    <message>
        <source>No caravan of a wanted type and theme</source>
        <translation>没有符合车型或主题的大篷车</translation>
    </message>
    <message>
        <source>No caravan may serve this region</source>
        <translation>没有可跨区服务该地区的大篷车</translation>
    </message>
    <message>
        <source>No workable date</source>
        <translation>没有可行的日期</translation>
    </message>
    <message>
        <source>Caravans fully booked</source>
        <translation>运力已排满</translation>
    </message>
    <message>
        <source>Depot</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Caravan</source>
        <translation>大篷车</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>套组</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>维修车间</translation>
    </message>
    <message>
        <source>(acquired)</source>
        <translation>（新购入）</translation>
    </message>
    <message>
        <source>Spring term %1</source>
        <translation>%1 年春季学期</translation>
    </message>
    <message>
        <source>Autumn term %1</source>
        <translation>%1 年秋季学期</translation>
    </message>
    <message>
        <source>No caravan may serve %1</source>
        <translation>没有大篷车可以服务%1</translation>
    </message>
    <message>
        <source>No caravan can reach %1 on an allowed working day</source>
        <translation>没有大篷车能在允许的工作日到达%1</translation>
    </message>
    <message>
        <source>Every caravan that could serve it was busy</source>
        <translation>可服务的大篷车均已排满</translation>
    </message>
    <message>
        <source>any type</source>
        <translation>任意车型</translation>
    </message>
    <message>
        <source>any theme</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Needs %1 with %2</source>
        <translation>需要%1车型、%2主题</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <extracomment>A run of weekdays, e.g. Mon–Fri (zh: 周一至周五).</extracomment>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between weekdays</comment>
        <extracomment>Between weekdays or runs of them (zh: 、).</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>In store at %1</source>
        <translation>存放于%1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Caravans</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>展品套组</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Depots</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>维修车间</translation>
    </message>
    <message>
        <source>caravan</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>set</source>
        <translation>套组</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>depot</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>request</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>巡展站点</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>方案</translation>
    </message>
</context>
<context>
    <name>LinkageTab</name>
    <message>
        <source>Planning the term as the rules stand…</source>
        <translation>正在按现行规则规划本学期…</translation>
    </message>
    <message>
        <source>Planning the term with every caravan allowed everywhere…</source>
        <translation>正在按不限地区规划本学期…</translation>
    </message>
    <message>
        <source>Re-planning with proposal %1…</source>
        <translation>正在按第 %1 条建议重新规划…</translation>
    </message>
    <message>
        <source>No advice: %1</source>
        <translation>未能给出建议：%1</translation>
    </message>
    <message>
        <source>Joint tours proposed: %1.</source>
        <translation>建议 %1 项联动巡展。</translation>
    </message>
    <message>
        <source>No joint tour would serve more requests.</source>
        <translation>没有能多满足需求的联动巡展。</translation>
    </message>
    <message>
        <source>Rules as they stand</source>
        <translation>现行规则</translation>
    </message>
    <message>
        <source>Every caravan anywhere</source>
        <translation>不限地区</translation>
    </message>
    <message>
        <source>With every proposal</source>
        <translation>采纳全部建议</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Caravans</source>
        <translation>大篷车</translation>
    </message>
    <message>
        <source>May also serve</source>
        <translation>可增加服务</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Key county</source>
        <translation>重点县</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Days on the road</source>
        <translation>出车天数</translation>
    </message>
    <message>
        <source>%1: %2 of %3 requests served, key counties %4 of %5, %6 km, %7 caravans idle</source>
        <translation>%1：满足需求 %2/%3，重点县 %4/%5，%6 公里，闲置车辆 %7 辆</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Accept joint tours (%1)</source>
        <translation>采纳 %1 项联动巡展</translation>
    </message>
    <message>
        <source>Stored joint tours %1; the term is re-planned with them.</source>
        <translation>已保存联动巡展 %1，并据此重新规划本学期。</translation>
    </message>
    <message>
        <source>The region rules keep caravans at home while requests next door go unserved. This plans the term as the rules stand, then with every caravan allowed everywhere (the most linkage can bring), and proposes the joint tours (联动) that win most of it back, each measured by re-planning.</source>
        <translation>地区规则让大篷车只能留在本地，而邻近地区的需求却无车服务。这里先按现行规则规划本学期，再按所有车辆不限地区规划（联动最多能带来的效果），然后提出能挽回大部分差距的联动巡展，每一项都经重新规划测算。</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source> joint tours</source>
        <translation> 项联动巡展</translation>
    </message>
    <message>
        <source>Time per plan</source>
        <translation>每次规划用时</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Advise</source>
        <translation>给出建议</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Accept the chosen and re-plan</source>
        <translation>采纳所选并重新规划</translation>
    </message>
    <message>
        <source>Print the proposal (PDF)…</source>
        <translation>打印联动建议（PDF）…</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <source>No log file is written.</source>
        <translation>未写入日志文件。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Caravans</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Exhibits</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>展品套组</translation>
    </message>
    <message>
        <source>Venues and regions</source>
        <translation>场地与地区</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Joint tours</source>
        <translation>联动巡展</translation>
    </message>
    <message>
        <source>Tour planner</source>
        <translation>巡展排程</translation>
    </message>
    <message>
        <source>Rotation planner</source>
        <translation>轮换排程</translation>
    </message>
    <message>
        <source>Retirement and consolidation</source>
        <translation>报废与整合</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Science caravans and travelling museums</source>
        <translation>科普大篷车与流动科技馆调度</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import Excel…</source>
        <translation>导入 Excel(&amp;I)……</translation>
    </message>
    <message>
        <source>&amp;Export Excel…</source>
        <translation>导出 Excel(&amp;E)……</translation>
    </message>
    <message>
        <source>&amp;Open field kit…</source>
        <translation>打开现场工具包(&amp;O)…</translation>
    </message>
    <message>
        <source>Import field &amp;kit…</source>
        <translation>导入现场工具包(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Working as %1 on this computer</source>
        <translation>本机用户 %1</translation>
    </message>
    <message>
        <source>server role, no account</source>
        <translation>服务器角色，无账户</translation>
    </message>
    <message>
        <source>province</source>
        <extracomment>The signed-in account&apos;s level in the status bar (zh: 省级, 市级, 县级).</extracomment>
        <translation>省级</translation>
    </message>
    <message>
        <source>city</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Signed in to the server as %1</source>
        <translation>已以 %1 登录服务器</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U)：%1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)：%1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo not possible</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>caravan_app %1
Plans and runs a province&apos;s science caravans and travelling science museums.</source>
        <translation>caravan_app %1
全省科普大篷车与流动科技馆的调度与管理。</translation>
    </message>
    <message>
        <source>Stopping the work still running…</source>
        <translation>正在停止仍在运行的任务…</translation>
    </message>
    <message>
        <source>The program stopped unexpectedly last time</source>
        <translation>程序上次意外退出</translation>
    </message>
    <message>
        <source>What it left is in the log (Help › Log).</source>
        <translation>相关信息已写入日志（帮助 › 日志）。</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <source>Drawing the map…</source>
        <translation>正在绘制地图…</translation>
    </message>
    <message>
        <source>The map could not be drawn: %1</source>
        <translation>无法绘制地图：%1</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move exhibit</source>
        <translation>调拨展品</translation>
    </message>
    <message>
        <source>To a</source>
        <translation>调往</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>MoveVisitDialog</name>
    <message>
        <source>Place request %1 by hand</source>
        <translation>手工安排需求 %1</translation>
    </message>
    <message>
        <source>%1 is unserved: %2</source>
        <translation>%1 未满足：%2</translation>
    </message>
    <message>
        <source>Move visit %1</source>
        <translation>移动站点 %1</translation>
    </message>
    <message>
        <source>%1, now with %2 on %3.</source>
        <translation>%1，目前由 %2 于 %3 展出。</translation>
    </message>
    <message>
        <source>Only the caravans and days on which the visit keeps every rule are offered; it is locked where you put it.</source>
        <translation>只列出符合全部规则的大篷车和日期；放好后该站点即被锁定。</translation>
    </message>
    <message>
        <source>Working out where it fits…</source>
        <translation>正在计算可安排的位置…</translation>
    </message>
    <message>
        <source>Caravans it does not fit, and why</source>
        <translation>不能安排的大篷车及原因</translation>
    </message>
    <message>
        <source>Every caravan it fits</source>
        <translation>所有可安排的大篷车</translation>
    </message>
    <message>
        <source>%1 (%2 days)</source>
        <translation>%1（%2 天）</translation>
    </message>
    <message>
        <source>It fits on %1 caravan-days of %2 caravans (worked out in %3 s); fewest km first.</source>
        <translation>可安排在 %2 辆大篷车的 %1 个车日（用时 %3 秒）；按增加里程从少到多排列。</translation>
    </message>
    <message>
        <source>It fits on no other caravan or day of this plan (worked out in %1 s).</source>
        <translation>本方案中没有其他大篷车或日期可以安排（用时 %1 秒）。</translation>
    </message>
    <message>
        <source>First show day</source>
        <translation>首个展出日</translation>
    </message>
    <message>
        <source>km added</source>
        <translation>增加里程（km）</translation>
    </message>
    <message>
        <source>Trip (leaves – back)</source>
        <translation>行程（出发至返回）</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>with other shows</source>
        <translation>并入其他展出</translation>
    </message>
    <message>
        <source>a trip of its own</source>
        <translation>单独成行</translation>
    </message>
    <message>
        <source>Caravan</source>
        <translation>大篷车</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <source>proven best</source>
        <translation>已证明最优</translation>
    </message>
    <message>
        <source>feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <source>no plan keeps every rule</source>
        <translation>没有满足全部规则的方案</translation>
    </message>
    <message>
        <source>no plan found in time</source>
        <translation>限时内未找到方案</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>No caravan of a wanted type and theme</source>
        <translation>没有符合车型或主题的大篷车</translation>
    </message>
    <message>
        <source>No caravan may serve this region</source>
        <translation>没有可跨区服务该地区的大篷车</translation>
    </message>
    <message>
        <source>No workable date</source>
        <translation>没有可行的日期</translation>
    </message>
    <message>
        <source>Caravans fully booked</source>
        <translation>运力已排满</translation>
    </message>
    <message>
        <source>Needs %1 with %2</source>
        <translation>需要%1，主题：%2</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>车型 %1</translation>
    </message>
    <message>
        <source>any type</source>
        <translation>任意车型</translation>
    </message>
    <message>
        <source>any theme</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>No caravan may serve %1</source>
        <translation>没有大篷车可以服务%1</translation>
    </message>
    <message>
        <source>No caravan can reach %1 on an allowed working day</source>
        <translation>没有大篷车能在允许的工作日到达%1</translation>
    </message>
    <message>
        <source>Every caravan that could serve it was busy</source>
        <translation>所有能服务它的大篷车都已排满</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 (%2, %3 km away, %4 of %5 days on the road)</source>
        <translation>%1（%2，距 %3 公里，已出车 %4/%5 天）</translation>
    </message>
    <message>
        <source>Fleet use: %1 of the available days on the road; %2 of %3 caravans idle (under %4 days); the busiest 20 % do %5 of the days</source>
        <translation>车辆使用：可出车天数的 %1 在路上；%3 辆中 %2 辆闲置（不足 %4 天）；最忙的 20% 车辆承担了 %5 的出车天数</translation>
    </message>
    <message>
        <source>Idle caravans fit requests this plan leaves out, but the region rules keep them away: %1. A joint tour (联动) would let them serve.</source>
        <translation>闲置的大篷车符合本方案未满足的需求，但受地区规则所限不能前往：%1。建立联动巡展即可让它们服务。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the caravan cannot fit the show into a trip that day</source>
        <translation>该车当天的行程排不下这场活动</translation>
    </message>
    <message>
        <source>the trip the visit leaves could no longer be timed</source>
        <translation>该站点原属的行程将无法排出时间</translation>
    </message>
    <message>
        <source>the request is not served in this plan</source>
        <translation>本方案未服务该申请</translation>
    </message>
    <message>
        <source>the plan has no such caravan</source>
        <translation>本方案中没有这辆大篷车</translation>
    </message>
    <message>
        <source>the caravan&apos;s type is not one the request allows</source>
        <translation>该车型不在申请允许的车型之内</translation>
    </message>
    <message>
        <source>the caravan carries none of the request&apos;s themes</source>
        <translation>该车不带申请所要的任何主题</translation>
    </message>
    <message>
        <source>the caravan may not serve the request&apos;s region</source>
        <translation>该车不得服务申请所在地区</translation>
    </message>
    <message>
        <source>the venue does not take a show that day</source>
        <translation>场地当天不接待活动</translation>
    </message>
    <message>
        <source>that day is not a working day</source>
        <translation>当天不是工作日</translation>
    </message>
    <message>
        <source>a school&apos;s show on a school holiday</source>
        <translation>学校的活动安排在了学校假期</translation>
    </message>
    <message>
        <source>the trip would run on a day that is not a working day</source>
        <translation>行程将落在非工作日</translation>
    </message>
    <message>
        <source>the caravan is not available that day</source>
        <translation>该车当天不可用</translation>
    </message>
    <message>
        <source>the caravan is on another trip that day</source>
        <translation>该车当天在另一趟行程中</translation>
    </message>
    <message>
        <source>the trip would be longer than the caravan may be away</source>
        <translation>行程将超过该车可外出的天数</translation>
    </message>
    <message>
        <source>another locked visit would no longer be kept</source>
        <translation>另一个已锁定的站点将无法保留</translation>
    </message>
    <message>
        <source>the crew cannot get there before the show starts</source>
        <translation>车组无法在活动开始前到达</translation>
    </message>
    <message>
        <source>the crew would come back after its working day ends</source>
        <translation>车组将在工作时间结束后才返回</translation>
    </message>
    <message>
        <source>the crew would leave before its working day starts</source>
        <translation>车组将在工作时间开始前出发</translation>
    </message>
    <message>
        <source>the show would start before the venue opens or the crew&apos;s day starts</source>
        <translation>活动将早于场地开放或车组上班时间开始</translation>
    </message>
    <message>
        <source>the show would end after the venue closes or the crew&apos;s day ends</source>
        <translation>活动将晚于场地关闭或车组下班时间结束</translation>
    </message>
    <message>
        <source>the days of a multi-day show would not follow each other</source>
        <translation>多日活动的日期将不连续</translation>
    </message>
    <message>
        <source>the days of a multi-day show would be split between trips</source>
        <translation>多日活动将被拆到不同行程中</translation>
    </message>
    <message>
        <source>the plan would break its rule “%1”</source>
        <translation>方案将违反规则“%1”</translation>
    </message>
    <message>
        <source>caravan %1 belongs to %2 and may not serve %3 in %4; no joint tour lets it</source>
        <translation>大篷车 %1 属于%2，不得服务%4的%3；没有联合巡展允许它这样做</translation>
    </message>
    <message>
        <source>%2 does not take a caravan of %1&apos;s type</source>
        <translation>%2不接待 %1 这种车型的大篷车</translation>
    </message>
    <message>
        <source>caravan %1 carries none of the themes %2 asked for</source>
        <translation>大篷车 %1 不带%2所要的任何主题</translation>
    </message>
    <message>
        <source>%1 does not take a show on %2</source>
        <translation>%1在%2不接待活动</translation>
    </message>
    <message>
        <source>%1 is not a working day</source>
        <translation>%1不是工作日</translation>
    </message>
    <message>
        <source>%1 is a school holiday at %2</source>
        <translation>%1是%2的学校假期</translation>
    </message>
    <message>
        <source>caravan %1 is not available on %2</source>
        <translation>大篷车 %1 在%2不可用</translation>
    </message>
    <message>
        <source>caravan %1 is on another trip on %2</source>
        <translation>大篷车 %1 在%2另有行程</translation>
    </message>
    <message>
        <source>the trip of caravan %1 would run on %2, not a working day</source>
        <translation>大篷车 %1 的行程将落在%2，不是工作日</translation>
    </message>
    <message>
        <source>caravan %1 cannot reach %2 before its show on %3</source>
        <translation>大篷车 %1 无法在%3的活动开始前到达%2</translation>
    </message>
    <message>
        <source>caravan %1 cannot fit the show at %2 into a trip on %3</source>
        <translation>大篷车 %1 在%3的行程排不下%2的活动</translation>
    </message>
    <message>
        <source>request %1 is not served in this plan</source>
        <translation>本方案未服务申请 %1</translation>
    </message>
    <message>
        <source>the plan has no caravan %1</source>
        <translation>本方案中没有大篷车 %1</translation>
    </message>
    <message>
        <source>The tour planner</source>
        <translation>巡展规划</translation>
    </message>
    <message>
        <source>The rotation planner</source>
        <translation>轮换规划</translation>
    </message>
    <message>
        <source>The museum-set regrouping</source>
        <translation>展品套组重组</translation>
    </message>
    <message>
        <source>The caravan-kit regrouping</source>
        <translation>大篷车展品重组</translation>
    </message>
    <message>
        <source>%1 was stopped before it found a plan; nothing was stored.</source>
        <translation>%1在找到方案之前被停止，未保存任何内容。</translation>
    </message>
    <message>
        <source>%1 proved that no plan keeps every rule; nothing was stored. Check the locked placements.</source>
        <translation>%1已证明没有满足全部规则的方案，未保存任何内容。请检查已锁定的安排。</translation>
    </message>
    <message>
        <source>%1 found no plan in the %2 s it had; nothing was stored. Give it more time and solve again.</source>
        <translation>%1在给定的 %2 秒内未找到方案，未保存任何内容。请延长求解时间后重新求解。</translation>
    </message>
    <message>
        <source>no such set, venue or period</source>
        <translation>没有这个套组、场馆或展期</translation>
    </message>
    <message>
        <source>the hall is smaller than the set needs</source>
        <translation>展厅面积小于套组所需</translation>
    </message>
    <message>
        <source>the venue does not host in that period</source>
        <translation>该场馆在该展期不接展</translation>
    </message>
    <message>
        <source>the venue has had this set before</source>
        <translation>该场馆已展出过这个套组</translation>
    </message>
    <message>
        <source>the set is not available in that period</source>
        <translation>该套组在该展期不可用</translation>
    </message>
    <message>
        <source>the venue is outside the set&apos;s region</source>
        <translation>该场馆在套组的服务地区之外</translation>
    </message>
    <message>
        <source>the set is locked in another venue in that period</source>
        <translation>该套组在该展期已锁定在另一场馆</translation>
    </message>
    <message>
        <source>another set is locked in that venue in that period</source>
        <translation>该场馆在该展期已锁定了另一个套组</translation>
    </message>
    <message>
        <source>the set is locked in the same venue twice</source>
        <translation>该套组被两次锁定在同一场馆</translation>
    </message>
    <message>
        <source>The lock of %1 in %2, period %3, cannot be kept: %4.</source>
        <translation>%1在%2（第 %3 展期）的锁定无法保留：%4。</translation>
    </message>
    <message>
        <source>its trip that day has no room left for it</source>
        <translation>当天的行程已排不下它</translation>
    </message>
    <message>
        <source>Request %1 is locked to caravan %2 on %3, which cannot be kept: %4.</source>
        <translation>申请 %1 已锁定由大篷车 %2 于%3服务，无法保留：%4。</translation>
    </message>
    <message>
        <source>exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>trip</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>museum stay</source>
        <translation>驻展</translation>
    </message>
    <message>
        <source>This kit was written for %1 %2, not for %3; nothing was imported.</source>
        <translation>此现场包是为%1 %2 生成的，不是 %3；未导入任何内容。</translation>
    </message>
    <message>
        <source>Record %1 of the kit names %2 %3, which is not part of %4 %5 as this database wrote the kit; nothing was imported.</source>
        <translation>现场包第 %1 条记录涉及%2 %3，不属于本数据库生成该包时的%4 %5；未导入任何内容。</translation>
    </message>
    <message>
        <source>joint tour</source>
        <translation>联动巡展</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>show record</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>maintenance record</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <source>condition check</source>
        <translation>状况检查</translation>
    </message>
    <message>
        <source>exhibit movement</source>
        <translation>展品调拨</translation>
    </message>
    <message>
        <source>rotation plan</source>
        <translation>轮换方案</translation>
    </message>
    <message>
        <source>retirement decision</source>
        <translation>报废决定</translation>
    </message>
    <message>
        <source>regrouping</source>
        <translation>整合调拨</translation>
    </message>
    <message>
        <source>working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>field kit</source>
        <translation>现场包</translation>
    </message>
    <message>
        <source>set</source>
        <translation>展品套组</translation>
    </message>
    <message>
        <source>this</source>
        <translation>此项</translation>
    </message>
    <message>
        <source>The server refused it: your account may not add this %1. Nothing was saved.</source>
        <translation>服务器拒绝：您的账户不能新增此%1。未保存任何内容。</translation>
    </message>
    <message>
        <source>The server refused it: your account may not delete %1. Nothing was saved.</source>
        <translation>服务器拒绝：您的账户不能删除%1。未保存任何内容。</translation>
    </message>
    <message>
        <source>The server refused it: your account may not change %1 (it is another region&apos;s, or needs a higher level). Nothing was saved.</source>
        <translation>服务器拒绝：您的账户不能修改%1（它属于其他地区，或需要更高层级）。未保存任何内容。</translation>
    </message>
    <message>
        <source>A plan named “%1” exists already; choose another name.</source>
        <translation>已有名为“%1”的方案，请另取一个名称。</translation>
    </message>
    <message>
        <source>Nothing can be saved into %1 now (%2): it is read-only or another program holds it. Nothing was solved.</source>
        <translation>现在无法向 %1 保存（%2）：数据库为只读，或正被另一个程序占用。未进行求解。</translation>
    </message>
    <message>
        <source>%1 belongs to the plan “%2”, which is a draft, not approved; no kit was written.</source>
        <translation>%1 属于方案“%2”，该方案是草案，尚未批准；未生成工具包。</translation>
    </message>
    <message>
        <source>Trip %1</source>
        <translation>行程 %1</translation>
    </message>
    <message>
        <source>Stay %1</source>
        <translation>驻展 %1</translation>
    </message>
    <message>
        <source>An upgrade of %1 was interrupted and left its tables half changed (%2). Put the copy %3 in its place; nothing was read or written.</source>
        <translation>%1 的一次升级被中断，表结构只改了一半（%2）。请用副本 %3 替换它；未读取或写入任何数据。</translation>
    </message>
    <message>
        <source>An upgrade of %1 was interrupted and left its tables half changed (%2), and no whole copy was found beside it: restore one kept elsewhere. Nothing was read or written.</source>
        <translation>%1 的一次升级被中断，表结构只改了一半（%2），旁边也没有找到完好的副本：请用别处保存的副本恢复。未读取或写入任何数据。</translation>
    </message>
    <message>
        <source>This computer has no system keyring to keep the password in. Tick “Keep the password in a file only you can read”, or leave the password empty.</source>
        <translation>这台电脑没有系统密钥环可保存密码。请勾选“将密码保存在只有您能读取的文件中”，或不填写密码。</translation>
    </message>
    <message>
        <source>The system keyring refused the password (%1).</source>
        <translation>系统密钥环拒绝保存密码（%1）。</translation>
    </message>
    <message>
        <source>This kit cannot be used: its %1 “%2” is not one this program writes (it may have been edited outside the program). Ask the office for a new copy.</source>
        <translation>此现场包无法使用：其%1“%2”不是本程序生成的格式（可能在程序外被修改过）。请向办公室索取新的副本。</translation>
    </message>
    <message>
        <source>kit id</source>
        <translation>包编号</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>There is no plan named “%1”.</source>
        <translation>没有名为“%1”的方案。</translation>
    </message>
    <message>
        <source>The plan is no longer there; someone may have removed it.</source>
        <translation>该方案已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>Plan “%1” was not solved by this program, so a move cannot be checked against it.</source>
        <translation>方案“%1”不是由本程序求解的，无法据此检查调整。</translation>
    </message>
    <message>
        <source>Request %1 is not served in this plan.</source>
        <translation>本方案未服务申请 %1。</translation>
    </message>
    <message>
        <source>The road distances in %1 cannot be read.</source>
        <translation>无法读取%1中的道路距离。</translation>
    </message>
    <message>
        <source>Plan at least one period of at least one month.</source>
        <translation>请至少规划一个不短于一个月的展期。</translation>
    </message>
    <message>
        <source>The changeover needs at least one working day.</source>
        <translation>换展至少需要一个工作日。</translation>
    </message>
    <message>
        <source>Period %1 (%2 to %3) is shorter than its changeover.</source>
        <translation>第 %1 展期（%2 至 %3）比换展时间还短。</translation>
    </message>
    <message>
        <source>There are no museum sets to plan in %1.</source>
        <translation>%1没有可规划的展品套组。</translation>
    </message>
    <message>
        <source>There are no museum sets to plan.</source>
        <translation>没有可规划的展品套组。</translation>
    </message>
    <message>
        <source>There are no exhibits to label there.</source>
        <translation>那里没有需要贴标签的展品。</translation>
    </message>
    <message>
        <source>There is no tour plan yet: plan the tours first.</source>
        <translation>还没有巡展方案：请先规划巡展。</translation>
    </message>
    <message>
        <source>There is no rotation plan yet: plan the rotation first.</source>
        <translation>还没有轮换方案：请先规划轮换。</translation>
    </message>
    <message>
        <source>“%1” cannot be an account name: use lower-case letters, digits and _ (up to 63), starting with a letter and not with caravan_ or pg_. Nothing was added.</source>
        <translation>“%1”不能作为账户名：请使用小写字母、数字和下划线（最多 63 个），以字母开头，且不以 caravan_ 或 pg_ 开头。未新增任何账户。</translation>
    </message>
    <message>
        <source>There is an account %1 already. Nothing was added.</source>
        <translation>已有账户 %1。未新增任何账户。</translation>
    </message>
    <message>
        <source>The server has a login %1 already (not an account of this program); choose another name. Nothing was added.</source>
        <translation>服务器上已有登录名 %1（不是本程序的账户），请换一个名字。未新增任何账户。</translation>
    </message>
    <message>
        <source>There is no region with the code %1. Nothing was added.</source>
        <translation>没有代码为 %1 的地区。未新增任何账户。</translation>
    </message>
    <message>
        <source>Region %1 is not of the level chosen; choose a region of that level. Nothing was added.</source>
        <translation>地区 %1 不属于所选层级，请选择该层级的地区。未新增任何账户。</translation>
    </message>
    <message>
        <source>An empty password is refused; type one.</source>
        <translation>密码不能为空，请输入密码。</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>没有账户 %1。</translation>
    </message>
    <message>
        <source>Accounts are for a shared PostgreSQL database; a SQLite file has one user and no sign-in.</source>
        <translation>账户用于共享的 PostgreSQL 数据库；SQLite 文件只有一个用户，无需登录。</translation>
    </message>
    <message>
        <source>Only an administrator may add or change accounts. Nothing was changed.</source>
        <translation>只有管理员可以新增或修改账户。未作任何修改。</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未移动：%1</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since you opened it; nothing was saved. Reload it and make your change again.</source>
        <translation>自您打开以来，%1已被他人修改，未保存任何内容。请重新加载后再修改。</translation>
    </message>
    <message>
        <source>%1 is a field kit holding %2 record(s) not yet imported; import it first or write the new kit to another file.</source>
        <translation>%1是一个现场工具包，其中有 %2 条记录尚未导入；请先导入，或将新工具包写入另一个文件。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <source>Not printed</source>
        <translation>未能生成</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>PlanFilterBar</name>
    <message>
        <source>All caravans</source>
        <translation>全部大篷车</translation>
    </message>
    <message>
        <source>All trips</source>
        <translation>全部行程</translation>
    </message>
    <message>
        <source>All weeks</source>
        <translation>全部周次</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>全部设区市</translation>
    </message>
    <message>
        <source>%1 of %2 visits shown</source>
        <translation>显示 %1 / %2 个站点</translation>
    </message>
    <message>
        <source>all %1 visits shown</source>
        <translation>显示全部 %1 个站点</translation>
    </message>
    <message>
        <source>Show one caravan&apos;s trips</source>
        <translation>只显示一辆大篷车的行程</translation>
    </message>
    <message>
        <source>Show one trip</source>
        <translation>只显示一个行程</translation>
    </message>
    <message>
        <source>Show one week</source>
        <translation>只显示一周</translation>
    </message>
    <message>
        <source>Show one city&apos;s visits</source>
        <translation>只显示一个设区市的站点</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>New %1</source>
        <translation>新增%1</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>编辑%1 %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <source>themes separated by 、</source>
        <translation>多个主题用 、 分隔</translation>
    </message>
    <message>
        <source>e.g. III、IV; empty: any type</source>
        <translation>例如 III、IV；留空表示不限车型</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a known code</source>
        <translation>%1：“%2”不是已有的编号</translation>
    </message>
    <message>
        <source>%1: tick at least one day</source>
        <translation>%1：请至少勾选一天</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; %3</source>
        <translation>%1：“%2”%3</translation>
    </message>
    <message>
        <source>%1: must be filled in</source>
        <translation>%1：必须填写</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; comes before %3 &quot;%4&quot;</source>
        <translation>%1：“%2”早于%3“%4”</translation>
    </message>
    <message>
        <source>exactly one of %1 must be filled in</source>
        <translation>%1 中必须且只能填写一项</translation>
    </message>
</context>
<context>
    <name>RegroupingTab</name>
    <message>
        <source>Museum set</source>
        <translation>流动科技馆展品</translation>
    </message>
    <message>
        <source>Caravan kit</source>
        <translation>大篷车展品</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Exhibits now</source>
        <translation>现有展品</translation>
    </message>
    <message>
        <source>After</source>
        <translation>重组后</translation>
    </message>
    <message>
        <source>Complete (now → after)</source>
        <translation>齐全（现在 → 重组后）</translation>
    </message>
    <message>
        <source>Moving in</source>
        <translation>调入</translation>
    </message>
    <message>
        <source>Moving out</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>Museum sets: %1 of %2 complete after regrouping (%3 now), %4 exhibits moved. Caravan kits: %5 of %6 complete after regrouping (%7 now), %8 exhibits moved, %9 km.</source>
        <translation>流动科技馆套组：重组后 %2 套中 %1 套齐全（现在 %3 套），调动展品 %4 件。大篷车展品：重组后 %6 辆中 %5 辆齐全（现在 %7 辆），调动展品 %8 件，%9 km。</translation>
    </message>
    <message>
        <source>Exhibits moving into or out of %1: %2</source>
        <translation>调入或调出%1的展品：%2</translation>
    </message>
    <message>
        <source>Every exhibit the regrouping moves: %1 (choose a set or kit to see its own)</source>
        <translation>重组调动的全部展品：%1（选择一个套组或车载展品可只看其调动）</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>维修车间</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>展演</translation>
    </message>
    <message>
        <source>Sets and kits</source>
        <translation>套组和车载展品</translation>
    </message>
    <message>
        <source>Museum sets</source>
        <translation>流动科技馆套组</translation>
    </message>
    <message>
        <source>Caravan kits</source>
        <translation>大篷车展品</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>The schedule of a stored rotation plan: halls per period, moves and truck-km.</source>
        <translation>已保存轮换方案的计划表：各期展出场馆、换展运输和运输车公里。</translation>
    </message>
    <message>
        <source>No rotation plan to print yet — solve one in the Rotation planner.</source>
        <translation>还没有可打印的轮换方案——请先在轮换规划中求解。</translation>
    </message>
    <message>
        <source>Labels with a QR code for every exhibit of a set, on a caravan or in a depot.</source>
        <translation>为套组、大篷车或仓库中的每件展品打印带二维码的标签。</translation>
    </message>
    <message>
        <source>Nothing to label here yet.</source>
        <translation>这里还没有可打印标签的项目。</translation>
    </message>
    <message>
        <source>Route sheets for the crews and a summary of a stored tour plan.</source>
        <translation>已保存巡展方案的乘员行程单和方案汇总。</translation>
    </message>
    <message>
        <source>This plan is a draft: every page prints with a draft mark. Approve it in its planner to print papers to hand out.</source>
        <translation>此方案是草案：每页都会印上草案标记。在排程界面批准后，再打印可分发的文件。</translation>
    </message>
    <message>
        <source>Making the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Reports and printing</source>
        <translation>报表与打印</translation>
    </message>
    <message>
        <source>Route sheets</source>
        <translation>行程单</translation>
    </message>
    <message>
        <source>Plan summary</source>
        <translation>方案汇总</translation>
    </message>
    <message>
        <source>Rotation schedule</source>
        <translation>轮换计划表</translation>
    </message>
    <message>
        <source>Exhibit labels</source>
        <translation>展品标签</translation>
    </message>
    <message>
        <source>of a set</source>
        <translation>按套组</translation>
    </message>
    <message>
        <source>on a caravan</source>
        <translation>按大篷车</translation>
    </message>
    <message>
        <source>in a depot</source>
        <translation>按仓库</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF……</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印……</translation>
    </message>
    <message>
        <source>No tour plan to print yet — solve one in the Tour planner.</source>
        <translation>尚无可打印的巡展方案——请先在“巡展排程”中求解。</translation>
    </message>
</context>
<context>
    <name>RetirementPage</name>
    <message>
        <source>No consolidation plan yet — run one: it screens caravans, exhibits and sets against the retirement thresholds (Settings), regroups the rest into complete sets and kits, and re-plans the term without each caravan it would retire.</source>
        <translation>尚无整合方案——请运行一次：按报废阈值（见“设置”）筛查车辆、展品和套组，将其余展品重组为完整的套组和车载展品，并在去掉拟报废车辆后重新排程本学期。</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <source>Requests lost</source>
        <translation>失去的需求</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 调往 %2</translation>
    </message>
    <message>
        <source>without %1</source>
        <translation>不含 %1</translation>
    </message>
    <message>
        <source>Requests served</source>
        <translation>已满足需求</translation>
    </message>
    <message>
        <source>Only the province runs a consolidation.</source>
        <translation>整合只能由省级运行。</translation>
    </message>
    <message>
        <source>Key-county requests</source>
        <translation>重点县需求</translation>
    </message>
    <message>
        <source>Key counties</source>
        <translation>重点县</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Requests gained</source>
        <translation>新增满足的需求</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
    <message>
        <source>Screening caravans, exhibits and sets…</source>
        <translation>正在筛查大篷车、展品和套组…</translation>
    </message>
    <message>
        <source>Regrouping the museum sets…</source>
        <translation>正在重组展品套组…</translation>
    </message>
    <message>
        <source>Regrouping the caravan kits…</source>
        <translation>正在重组大篷车展品…</translation>
    </message>
    <message>
        <source>Planning the term as it is…</source>
        <translation>正在按现状规划本学期…</translation>
    </message>
    <message>
        <source>Re-planning the term for caravan %1…</source>
        <translation>正在为大篷车 %1 重新规划本学期…</translation>
    </message>
    <message>
        <source>Storing the plan…</source>
        <translation>正在保存方案…</translation>
    </message>
    <message>
        <source>Done: %1 candidates in %2 s.</source>
        <translation>完成：%2 秒内得到 %1 个候选。</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Retirement and consolidation</source>
        <translation>报废与整合</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Screen, regroup and re-plan</source>
        <translation>筛查、重组并重新排程</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Retirement report (PDF)…</source>
        <translation>报废评估报告（PDF）……</translation>
    </message>
    <message>
        <source>Consolidation report (PDF)…</source>
        <translation>整合方案报告（PDF）……</translation>
    </message>
    <message>
        <source>The term re-planned without each caravan recommended for retirement, and with each one recommended for redeployment moved to the city that lacks one most. Each figure reads before → after: the term&apos;s plan as it is, then re-planned.</source>
        <translation>分别去掉每辆建议报废的大篷车、并把每辆建议调配的大篷车调到最缺车的设区市后，重新规划本学期。每个数字按“之前 → 之后”读：先是本学期现有方案，再是重新规划后的结果。</translation>
    </message>
    <message>
        <source>Candidates and evidence</source>
        <translation>候选与依据</translation>
    </message>
    <message>
        <source>Regrouped sets and kits</source>
        <translation>重组后的套组和车载展品</translation>
    </message>
</context>
<context>
    <name>RotationCells</name>
    <message>
        <source>Earlier booking</source>
        <translation>原有预约</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Region rule</source>
        <translation>地区规则</translation>
    </message>
    <message>
        <source>No hall fits</source>
        <translation>无合适展厅</translation>
    </message>
    <message>
        <source>Had it before</source>
        <translation>曾展出过</translation>
    </message>
    <message>
        <source>Halls booked</source>
        <translation>展厅已被预订</translation>
    </message>
    <message>
        <source>Hall used in another period</source>
        <translation>展厅在其他期次使用</translation>
    </message>
    <message>
        <source>Halls taken</source>
        <translation>展厅已被占用</translation>
    </message>
    <message>
        <source>Changeover too short</source>
        <translation>换展时间不足</translation>
    </message>
    <message>
        <source>Nothing better</source>
        <translation>无更优安排</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等（另有 %2 个）</translation>
    </message>
    <message>
        <source>Still standing in %1 on a booking made before this plan.</source>
        <translation>按本方案之前的预约，仍在%1展出。</translation>
    </message>
    <message>
        <source>The set is in maintenance in this period.</source>
        <translation>本期该套组在维修。</translation>
    </message>
    <message>
        <source>Region rule: the set rotates only in %1, and no hall there takes a set.</source>
        <translation>地区规则：该套组只在%1轮换，而那里没有可接纳套组的展厅。</translation>
    </message>
    <message>
        <source>No hall fits: no hall has the %1 m² the set needs.</source>
        <translation>无合适展厅：没有展厅达到该套组所需的 %1 m²。</translation>
    </message>
    <message>
        <source>No hall fits: the set needs %1 m², and the largest hall in %2 has %3 m² (region rule: the set rotates only there).</source>
        <translation>无合适展厅：该套组需要 %1 m²，而%2最大的展厅只有 %3 m²（地区规则：该套组只在那里轮换）。</translation>
    </message>
    <message>
        <source>No hall fits: the set needs %1 m², and the largest hall has %2 m².</source>
        <translation>无合适展厅：该套组需要 %1 m²，最大的展厅只有 %2 m²。</translation>
    </message>
    <message>
        <source>History: every hall that fits had this set before, and no hall gets a set twice: %1.</source>
        <translation>展出历史：所有合适的展厅都展出过该套组，而同一展厅不重复展出同一套组：%1。</translation>
    </message>
    <message>
        <source>The halls left are booked outside this plan in this period: %1.</source>
        <translation>其余展厅本期已有本方案以外的预订：%1。</translation>
    </message>
    <message>
        <source>%1 in period %2</source>
        <translation>%1（第 %2 期）</translation>
    </message>
    <message>
        <source>History: the halls left have this set in another period of this plan, and no hall gets a set twice: %1.</source>
        <translation>展出历史：其余展厅在本方案的其他期次展出该套组，而同一展厅不重复展出同一套组：%1。</translation>
    </message>
    <message>
        <source>%1 with set %2</source>
        <translation>%1（套组 %2）</translation>
    </message>
    <message>
        <source>The halls left hold another set in this period: %1.</source>
        <translation>其余展厅本期有其他套组展出：%1。</translation>
    </message>
    <message>
        <source>The halls left do not fit the changeover window: %1.</source>
        <translation>其余展厅赶不上换展窗口：%1。</translation>
    </message>
    <message>
        <source>Moving from %1 to %2 takes %3 working days; the window has %4.</source>
        <translation>从%1运到%2需要 %3 个工作日，换展窗口只有 %4 个。</translation>
    </message>
    <message>
        <source>In %1 this set and set %2 change over in one window: %3 working days of uninstalling and installing; the window has %4.</source>
        <translation>在%1，该套组与套组 %2 在同一窗口换展：拆装共需 %3 个工作日，窗口只有 %4 个。</translation>
    </message>
    <message>
        <source>Nothing better: the solver left the set in store, though a hall was free and within reach: %1.</source>
        <translation>无更优安排：虽有可达的空闲展厅，求解器仍让该套组留在仓库：%1。</translation>
    </message>
    <message>
        <source>Hall used in period %1</source>
        <translation>展厅在第 %1 期使用</translation>
    </message>
    <message>
        <source>%1 (%2), open %3 to %4</source>
        <translation>%1（%2），%3 至 %4 开放</translation>
    </message>
    <message>
        <source>Locked: a re-solve keeps it.</source>
        <translation>已锁定：重新求解时保留。</translation>
    </message>
    <message>
        <source>rotates in %1</source>
        <translation>在%1轮换</translation>
    </message>
    <message>
        <source>goes anywhere in the province</source>
        <translation>可在全省轮换</translation>
    </message>
    <message>
        <source>%1 %2: needs a hall of %3 m²; %4</source>
        <translation>%1 %2：需要 %3 m² 的展厅；%4</translation>
    </message>
    <message>
        <source>%1 of %2 free set-periods hosted; empty: %3</source>
        <translation>%2 个空闲套组期次中安排了 %1 个；空缺：%3</translation>
    </message>
</context>
<context>
    <name>RotationPage</name>
    <message>
        <source>No rotation plan yet — choose the first day and solve one.</source>
        <translation>尚无轮换方案——请选择起始日期并求解。</translation>
    </message>
    <message>
        <source>%1 · %2 sets in %3 periods · %4 stays, %5 locked</source>
        <translation>%1 · %2 个套组、%3 期 · 共 %4 个展期，锁定 %5 个</translation>
    </message>
    <message>
        <source>%1 truck-km in %2 moves; %3 counties, %4 key counties</source>
        <translation>运输 %1 车公里、%2 次调运；覆盖 %3 个县区、%4 个重点县</translation>
    </message>
    <message>
        <source>Return to draft</source>
        <translation>退回草案</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Only the province approves a rotation plan.</source>
        <translation>轮换方案只能由省级批准。</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>套组</translation>
    </message>
    <message>
        <source>Period %1
%2 – %3</source>
        <translation>第 %1 期
%2 – %3</translation>
    </message>
    <message>
        <source>No rotation plan to show.</source>
        <translation>没有可显示的轮换方案。</translation>
    </message>
    <message>
        <source>Unlock stay</source>
        <translation>解锁展期</translation>
    </message>
    <message>
        <source>Lock stay</source>
        <translation>锁定展期</translation>
    </message>
    <message>
        <source>Export field kit</source>
        <translation>导出现场工具包</translation>
    </message>
    <message>
        <source>Field kits (*.ckit)</source>
        <translation>现场工具包 (*.ckit)</translation>
    </message>
    <message>
        <source>Field kit of stay %1 written to %2 (%3 parts).</source>
        <translation>展期 %1 的现场工具包已写入 %2（%3 个部分）。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
    <message>
        <source>%1 s: %2 set-periods hosted, objective %3</source>
        <translation>%1 秒：已安排 %2 个套组展期，目标值 %3</translation>
    </message>
    <message>
        <source>Done: plan %1 stored.</source>
        <translation>完成：已保存方案 %1。</translation>
    </message>
    <message>
        <source>The checker found %1 broken rule(s); see the log.</source>
        <translation>校验程序发现 %1 处违反规则，请查看日志。</translation>
    </message>
    <message>
        <source>Not solved: %1</source>
        <translation>未求解：%1</translation>
    </message>
    <message>
        <source>%1 (re-solved)</source>
        <translation>%1（重新求解）</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Solve a rotation</source>
        <translation>轮换求解</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Months per period</source>
        <translation>每期月数</translation>
    </message>
    <message>
        <source>Cities (empty: all)</source>
        <translation>设区市（留空为全部）</translation>
    </message>
    <message>
        <source>Time limit (s)</source>
        <translation>时限（秒）</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>first month and time, if left empty</source>
        <translation>留空则按起始月份和时间命名</translation>
    </message>
    <message>
        <source>e.g. 泰州市、扬州市</source>
        <translation>例如 泰州市、扬州市</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>求解</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Re-solve keeping locks</source>
        <translation>保留锁定并重新求解</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印……</translation>
    </message>
    <message>
        <source>Field kit of this stay…</source>
        <translation>本展期的现场工具包…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF……</translation>
    </message>
    <message>
        <source>Send to printer…</source>
        <translation>发送到打印机……</translation>
    </message>
    <message>
        <source>Sets × periods</source>
        <translation>套组 × 期次</translation>
    </message>
    <message>
        <source>Map of moves</source>
        <translation>调运地图</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>Example tours, March 2027</source>
        <translation>示例巡展，2027年3月</translation>
    </message>
    <message>
        <source>Example rotation from March 2027</source>
        <translation>示例轮换，2027年3月起</translation>
    </message>
    <message>
        <source>Example consolidation, spring term 2027</source>
        <translation>示例整合，2027年春季学期</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite 数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation>SQLite 数据库 (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>Name a SQLite file or a PostgreSQL URL.</source>
        <translation>请填写 SQLite 文件或 PostgreSQL 地址。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1……</translation>
    </message>
    <message>
        <source>Connected to %1 and saved.</source>
        <translation>已连接 %1 并保存。</translation>
    </message>
    <message>
        <source>Road distances</source>
        <translation>道路距离</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Not saved: no file %1</source>
        <translation>未保存：文件 %1 不存在</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>未能读取：%1</translation>
    </message>
    <message>
        <source>Only the province changes the working calendar.</source>
        <translation>工作日历只能由省级修改。</translation>
    </message>
    <message>
        <source>%1 row %2, %3: &apos;%4&apos; is not a date (YYYY-MM-DD)</source>
        <translation>%1第 %2 行，%3：“%4”不是日期（年-月-日，如 2027-03-01）</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>%1 row %2, %3: a name is needed</source>
        <translation>%1第 %2 行，%3：需要填写名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>name &apos;%1&apos; must be 1 to 40 characters, no spaces around it</source>
        <translation>名称“%1”须为 1 至 40 个字，首尾不能有空格</translation>
    </message>
    <message>
        <source>name &apos;%1&apos; is used by term row %2 too</source>
        <translation>名称“%1”与学期第 %2 行重复</translation>
    </message>
    <message>
        <source>(%1) the last day %2 is before the first %3</source>
        <translation>（%1）结束日期 %2 早于开始日期 %3</translation>
    </message>
    <message>
        <source>(%1) starts %2, inside %3 (which runs to %4)</source>
        <translation>（%1）开始于 %2，落在%3之内（该学期至 %4）</translation>
    </message>
    <message>
        <source>%1 is listed twice (also holiday row %2)</source>
        <translation>%1 重复（节假日第 %2 行也有）</translation>
    </message>
    <message>
        <source>(%1) the name is longer than 40 characters</source>
        <translation>（%1）名称超过 40 个字</translation>
    </message>
    <message>
        <source>Term row %1</source>
        <translation>学期第 %1 行</translation>
    </message>
    <message>
        <source>Holiday row %1</source>
        <translation>节假日第 %1 行</translation>
    </message>
    <message>
        <source>Saved: %1 terms, %2 holidays.</source>
        <translation>已保存：%1 个学期，%2 天节假日。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>SQLite file or PostgreSQL URL</source>
        <translation>SQLite 文件或 PostgreSQL 地址</translation>
    </message>
    <message>
        <source>Password (PostgreSQL)</source>
        <translation>密码（PostgreSQL）</translation>
    </message>
    <message>
        <source>kept in the system keyring (%1)</source>
        <translation>保存在系统密钥环中（%1）</translation>
    </message>
    <message>
        <source>this computer has no system keyring</source>
        <translation>这台电脑没有系统密钥环</translation>
    </message>
    <message>
        <source>Keep the password in a file only you can read, not in the keyring</source>
        <translation>将密码保存在只有您能读取的文件中，而不是密钥环</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件……</translation>
    </message>
    <message>
        <source>Test and use this database</source>
        <translation>测试并使用此数据库</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language of the program</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Planning and distances</source>
        <translation>排程与距离</translation>
    </message>
    <message>
        <source>Time a tour solve may take (s)</source>
        <translation>巡展求解时限（秒）</translation>
    </message>
    <message>
        <source>Road distances (CSV)</source>
        <translation>道路距离（CSV）</translation>
    </message>
    <message>
        <source>Optional: a file of from,to,km by venue or depot code. Pairs not listed use the great-circle distance × 1.3.</source>
        <translation>可选：按场地或仓库编号列出 from,to,km 的文件。未列出的两点之间按球面距离 × 1.3 估算。</translation>
    </message>
    <message>
        <source>A leg is long above (km)</source>
        <translation>单程超过多少公里算长途（km）</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>Retirement thresholds</source>
        <translation>报废阈值</translation>
    </message>
    <message>
        <source>Caravan age for replacement (years)</source>
        <translation>车龄更新年限（年）</translation>
    </message>
    <message>
        <source>Caravan mileage for replacement (km)</source>
        <translation>车辆更新里程（km）</translation>
    </message>
    <message>
        <source>Repair cost as a share of value</source>
        <translation>维修费用占原值比例上限</translation>
    </message>
    <message>
        <source>Years of repair cost counted</source>
        <translation>维修费用统计年数</translation>
    </message>
    <message>
        <source>Repairs that make faults repeated</source>
        <translation>反复故障维修次数</translation>
    </message>
    <message>
        <source>Years of repairs counted</source>
        <translation>反复故障统计年数</translation>
    </message>
    <message>
        <source>Under-use: share of the fleet median</source>
        <translation>使用率低于车队中位数的比例</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>The school terms and public holidays every planner in this database uses. Crews work Monday to Friday except holidays; schools take shows only within a term. Dates as YYYY-MM-DD.</source>
        <translation>本数据库中所有规划共用的学期和法定节假日。工作人员周一至周五出车，节假日除外；学校只在学期内接待展演。日期格式为 年-月-日（如 2027-03-01）。</translation>
    </message>
    <message>
        <source>School terms</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>添加学期</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <source>Save calendar</source>
        <translation>保存日历</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新读取</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The server refused user %1: wrong name or password.</source>
        <translation>服务器拒绝了用户 %1：用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server refused user %1: the account is disabled. Ask an administrator.</source>
        <translation>服务器拒绝了用户 %1：账户已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The server does not let user %1 connect from this computer. Ask the server&apos;s administrator to allow it (pg_hba.conf).</source>
        <translation>服务器不允许用户 %1 从本机连接，请联系服务器管理员放行（pg_hba.conf）。</translation>
    </message>
    <message>
        <source>The server at %1 has no database %2.</source>
        <translation>服务器 %1 上没有数据库 %2。</translation>
    </message>
    <message>
        <source>No answer from the server at %1. Check the address and that the server is running.</source>
        <translation>服务器 %1 没有响应，请检查地址以及服务器是否在运行。</translation>
    </message>
    <message>
        <source>Could not sign in to the server at %1 (the details are in the log).</source>
        <translation>无法登录服务器 %1（详情见日志）。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in to the shared database with your own account.</source>
        <translation>请用您自己的账户登录共享数据库。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>Kept in a file only you can read, as chosen in Settings.</source>
        <translation>按设置中的选择，保存在只有您能读取的文件中。</translation>
    </message>
    <message>
        <source>Kept in the system keyring (%1).</source>
        <translation>保存在系统密钥环（%1）中。</translation>
    </message>
    <message>
        <source>This computer has no system keyring to keep it in.</source>
        <translation>本机没有可保存密码的系统密钥环。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1……</translation>
    </message>
    <message>
        <source>Signed in, but the password was not remembered: %1 Press %2 to go on.</source>
        <translation>已登录，但密码未能记住：%1 按“%2”继续。</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>%1 tours %2</source>
        <translation>%1巡展 %2</translation>
    </message>
    <message>
        <source>Rotation from %1 %2</source>
        <translation>%1起轮换 %2</translation>
    </message>
    <message>
        <source>%1 consolidation %2</source>
        <translation>%1整合 %2</translation>
    </message>
</context>
<context>
    <name>TourHandEdits</name>
    <message>
        <source>Not moved: %1</source>
        <translation>未移动：%1</translation>
    </message>
    <message>
        <source>Moving %1…</source>
        <translation>正在移动 %1…</translation>
    </message>
    <message>
        <source>Placed %1 (%2) with %3 on %4; it is locked there.</source>
        <translation>已将 %1（%2）安排给 %3，于 %4；已锁定。</translation>
    </message>
    <message>
        <source>Place request %1</source>
        <translation>安排需求 %1</translation>
    </message>
    <message>
        <source>Moved %1 (%2) to %3 on %4; it is locked there.</source>
        <translation>已将 %1（%2）移到 %3，于 %4；已锁定。</translation>
    </message>
    <message>
        <source>Move visit %1</source>
        <translation>移动站点 %1</translation>
    </message>
</context>
<context>
    <name>TourPlanActions</name>
    <message>
        <source>Unlock visit</source>
        <translation>解锁站点</translation>
    </message>
    <message>
        <source>Lock visit</source>
        <translation>锁定站点</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Lock visit %1</source>
        <translation>锁定站点 %1</translation>
    </message>
    <message>
        <source>Unlock visit %1</source>
        <translation>解锁站点 %1</translation>
    </message>
    <message>
        <source>Move visit…</source>
        <translation>移动站点…</translation>
    </message>
    <message>
        <source>Export field kit</source>
        <translation>导出现场工具包</translation>
    </message>
    <message>
        <source>Field kits (*.ckit)</source>
        <translation>现场工具包 (*.ckit)</translation>
    </message>
    <message>
        <source>Field kit of trip %1 written to %2 (%3 parts).</source>
        <translation>行程 %1 的现场工具包已写入 %2（%3 个部分）。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approve plan %1?</source>
        <translation>确定批准方案 %1 吗？</translation>
    </message>
    <message>
        <source>%1 (re-solved)</source>
        <translation>%1（重新求解）</translation>
    </message>
</context>
<context>
    <name>TourPlanViews</name>
    <message>
        <source>Solve or choose a plan to see it on the map.</source>
        <translation>求解或选择一个方案后，可在地图上查看。</translation>
    </message>
    <message>
        <source>Caravan</source>
        <translation>大篷车</translation>
    </message>
    <message>
        <source>Trip leaves</source>
        <translation>行程出发</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>站次</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Arrives</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>展演</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <source>City</source>
        <translation>设区市</translation>
    </message>
    <message>
        <source>Key county</source>
        <translation>重点县</translation>
    </message>
    <message>
        <source>km from previous</source>
        <translation>距上站（km）</translation>
    </message>
    <message>
        <source>Long leg</source>
        <translation>长途</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>需求编号</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Caravans that fit, elsewhere</source>
        <translation>可联动的大篷车</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>TourPlannerPage</name>
    <message>
        <source>No tour plan yet — choose the dates and solve one.</source>
        <translation>尚无巡展方案——请选择日期并求解。</translation>
    </message>
    <message>
        <source>%1 to %2 · %3
Served %4 of %5 requests, key counties %6 of %7
%8 km in %9 trips, %10 days on the road, %11 locked visits</source>
        <translation>%1 至 %2 · %3
满足需求 %4 / %5，重点县 %6 / %7
共 %9 个行程 %8 km，出车 %10 天，锁定站点 %11 个</translation>
    </message>
    <message>
        <source>Return to draft</source>
        <translation>退回草案</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Lock visit</source>
        <translation>锁定站点</translation>
    </message>
    <message>
        <source>Move visit…</source>
        <translation>移动站点…</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>求解</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time limit (s)</source>
        <translation>时限（秒）</translation>
    </message>
    <message>
        <source>Days per caravan, at most</source>
        <translation>每车最多出车天数</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>term and time, if left empty</source>
        <translation>留空则按学期和时间命名</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Linkage (联动)</source>
        <translation>联动</translation>
    </message>
    <message>
        <source>Field kit of this trip…</source>
        <translation>本行程的现场工具包…</translation>
    </message>
    <message>
        <source>Place by hand…</source>
        <translation>手工安排…</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>其他日期</translation>
    </message>
    <message>
        <source>Your account may not do this: a county&apos;s account approves nothing, a city&apos;s approves only plans whose trips are all its own caravans&apos;.</source>
        <translation>您的账户不能执行此操作：县级账户不能批准方案；市级账户只能批准所有行程都使用本市车辆的方案。</translation>
    </message>
    <message>
        <source>Hide the Solve and Plan panels</source>
        <translation>隐藏求解和方案面板</translation>
    </message>
    <message>
        <source>Show the Solve and Plan panels</source>
        <translation>显示求解和方案面板</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Re-solve keeping locks</source>
        <translation>保留锁定并重新求解</translation>
    </message>
    <message>
        <source>Compare two plans…</source>
        <translation>对比两个方案……</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程表</translation>
    </message>
    <message>
        <source>Unserved</source>
        <translation>未满足需求</translation>
    </message>
    <message>
        <source>A locked visit stays on its caravan and day when the plan is re-solved.</source>
        <translation>锁定的站点在重新求解时保持原车辆和日期不变。</translation>
    </message>
    <message>
        <source>No plan to show.</source>
        <translation>没有可显示的方案。</translation>
    </message>
    <message>
        <source>on the road</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>show</source>
        <translation>展出</translation>
    </message>
    <message>
        <source>show in a key county</source>
        <translation>重点县展出</translation>
    </message>
    <message>
        <source>locked visit</source>
        <translation>锁定站点</translation>
    </message>
</context>
<context>
    <name>TourSolving</name>
    <message>
        <source>Caravans to plan</source>
        <translation>参与排程的车辆</translation>
    </message>
    <message>
        <source>Requests to plan</source>
        <translation>参与排程的需求</translation>
    </message>
    <message>
        <source>Caravans: your own (%1)</source>
        <translation>车辆：本级所属（%1）</translation>
    </message>
    <message>
        <source>Caravans: all</source>
        <translation>车辆：全部</translation>
    </message>
    <message>
        <source>Caravans: %1</source>
        <translation>车辆：%1 辆</translation>
    </message>
    <message>
        <source>Requests: all open</source>
        <translation>需求：全部待安排</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>需求：%1 条</translation>
    </message>
    <message>
        <source>Cannot solve</source>
        <translation>无法求解</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A plan named %1 exists already.</source>
        <translation>已存在名为 %1 的方案。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
    <message>
        <source>%1 s: %2 requests served, best objective %3</source>
        <translation>%1 秒：已满足 %2 条需求，当前最优目标值 %3</translation>
    </message>
    <message>
        <source>Cancelling: keeping the best plan found so far…</source>
        <translation>正在取消：保留目前找到的最优方案……</translation>
    </message>
    <message>
        <source>Done: %1 of %2 requests served in %3 s (%4).</source>
        <translation>完成：%3 秒内满足需求 %1 / %2（%4）。</translation>
    </message>
    <message>
        <source>The checker found %1 broken rule(s); see the log.</source>
        <translation>校验程序发现 %1 处违反规则，请查看日志。</translation>
    </message>
    <message>
        <source>Not solved: %1</source>
        <translation>未求解：%1</translation>
    </message>
</context>
<context>
    <name>VenuesAndRegionsPage</name>
    <message>
        <source>Venues</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Depots</source>
        <translation>仓库</translation>
    </message>
</context>
</TS>
