<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="39" />
        <source>Development copy (not a packaged build)</source>
        <translation>开发版本（未打包）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="40" />
        <source>{date} (Beijing time)</source>
        <translation>{date}（北京时间）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="44" />
        <source>source {commit}</source>
        <translation>源码 {commit}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="51" />
        <location filename="../../desktop/ui/dialogs/about.py" line="178" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="52" />
        <source>Build date</source>
        <translation>构建日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="54" />
        <source>Data file revision</source>
        <translation>数据文件版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="55" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="63" />
        <source>Licence: {licence}</source>
        <translation>许可证：{licence}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="65" />
        <source>Homepage: {url}</source>
        <translation>主页：{url}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="69" />
        <source>The full text of this licence is not included in this copy; it is the licence named above, published with the software at its homepage.</source>
        <translation>本副本未附带此许可证的全文；许可证即上面所列的那一种，全文随该软件发布在其主页上。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="100" />
        <source>Licence texts</source>
        <translation>许可证全文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="104" />
        <source>Fonts and libraries</source>
        <translation>字体与程序库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="106" />
        <source>Licence text</source>
        <translation>许可证文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="149" />
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="152" />
        <source>A workbench for the party branch of a residential neighborhood: the lists of needs, resources and projects, meetings, visits and compacts.</source>
        <translation>小区党支部工作台：需求、资源、项目三张清单，协商议事、接待走访与邻里公约。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="168" />
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="170" />
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="170" />
        <location filename="../../desktop/ui/dialogs/about.py" line="179" />
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="174" />
        <source>Libraries and runtimes</source>
        <translation>程序库与运行环境</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="177" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="185" />
        <source>Qt and PySide6 are used under the GNU Lesser General Public License, version 3 (LGPLv3). You may replace them with your own build of the same version: they are separate library files in the program folder. Their source code is at {url}.</source>
        <translation>Qt 与 PySide6 依据 GNU 宽通用公共许可证第 3 版（LGPLv3）使用。您可以用自己构建的同一版本替换它们：它们是程序文件夹中单独的库文件。其源代码见 {url}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="202" />
        <source>View full licence texts…</source>
        <translation>查看许可证全文…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="143" />
        <source>About Shuren Xiaoqu</source>
        <translation>关于熟人小区</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <location filename="../../desktop/ui/access.py" line="55" />
        <source>{action} ({keys})</source>
        <translation>{action}（{keys}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/access.py" line="90" />
        <source>{context}: details</source>
        <translation>{context}：详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/access.py" line="95" />
        <source>{context}: scroll</source>
        <translation>{context}：滚动区域</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/access.py" line="169" />
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/access.py" line="173" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/access.py" line="178" />
        <source>(nothing to do on this page)</source>
        <translation>（此页没有可用的操作）</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="31" />
        <source>Edit partner activity</source>
        <translation>编辑共建活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="30" />
        <source>New partner activity</source>
        <translation>登记共建活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="44" />
        <source>Who took part, e.g. the unit&apos;s volunteers and residents</source>
        <translation>参加人员，如单位志愿者、居民</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="48" />
        <source>Link needs</source>
        <translation>关联需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="51" />
        <source>Link projects</source>
        <translation>关联项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="55" />
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="50" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="56" />
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="51" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="58" />
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="56" />
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="61" />
        <source>What was done</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="64" />
        <source>Needs it answers</source>
        <translation>回应的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_activity.py" line="65" />
        <source>Projects</source>
        <translation>关联项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="37" />
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="36" />
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="46" />
        <source>not counted</source>
        <translation>未统计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="53" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="58" />
        <source>Description</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="156" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="157" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="159" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="163" />
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="168" />
        <source>Description</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>AdoptDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="231" />
        <source>Adopted at a deliberation meeting</source>
        <translation>协商议事会表决通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="233" />
        <source>(meeting not recorded)</source>
        <translation>（未登记会议）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="243" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="244" />
        <source>Adopted on</source>
        <translation>通过日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="247" />
        <source>Households represented</source>
        <translation>参与表决户数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="251" />
        <source>Record adoption</source>
        <translation>登记表决通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="252" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="20" />
        <source>Edit agreement</source>
        <translation>编辑共建协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="19" />
        <source>New agreement</source>
        <translation>登记共建协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="27" />
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="28" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="31" />
        <source>What the two sides agreed to do together</source>
        <translation>双方约定共同开展的工作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="33" />
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="34" />
        <source>Term starts</source>
        <translation>期限开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="36" />
        <source>Term ends</source>
        <translation>期限结束</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/partner_agreement.py" line="38" />
        <source>Content</source>
        <translation>协议内容</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="45" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="48" />
        <source>Time (Beijing)</source>
        <translation>时间（北京时间）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="50" />
        <source>User</source>
        <translation>系统用户</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="52" />
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="115" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="57" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="62" />
        <source>Concerning</source>
        <translation>涉及</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="76" />
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="187" />
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="198" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="94" />
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="107" />
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="110" />
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="113" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="114" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="152" />
        <source>{count} entries shown.</source>
        <translation>共 {count} 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="162" />
        <source>The audit log cannot be read. Please try again later.</source>
        <translation>审计日志暂时读不出，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="172" />
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="174" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="188" />
        <source>{count} entries exported to {path}.</source>
        <translation>已把 {count} 条审计日志导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/audit_log.py" line="199" />
        <source>Could not write {path} ({reason}). If it is open in Excel, close it first, or choose another place.</source>
        <translation>无法写入 {path}（{reason}）。如果它正在 Excel 中打开，请先关闭；或换一个保存位置。</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="22" />
        <source>Edit building</source>
        <translation>编辑楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="21" />
        <source>New building</source>
        <translation>新建楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="33" />
        <source>e.g. 3栋</source>
        <translation>例如：3栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="35" />
        <source>(no grid)</source>
        <translation>（未划分网格）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="40" />
        <source>Building</source>
        <translation>楼栋名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="41" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="43" />
        <source>Number of units</source>
        <translation>单元数</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/categories.py" line="30" />
        <source>Need categories</source>
        <translation>需求类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/categories.py" line="32" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/categories.py" line="33" />
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/categories.py" line="34" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/categories.py" line="40" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/categories.py" line="68" />
        <source>Category name:</source>
        <translation>类别名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/categories.py" line="93" />
        <source>{count} need(s) (trash included) use &quot;{name}&quot;; it cannot be deleted. Rename it instead.</source>
        <translation>有 {count} 条需求（含回收站）使用“{name}”，不能删除；可以改名。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../desktop/ui/columns.py" line="126" />
        <source>Right-click a heading to choose the columns shown; drag a heading to move its column.</source>
        <translation>右键点列标题可选择显示哪些列；拖动列标题可调整列的顺序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/columns.py" line="366" />
        <source>Restore the default columns</source>
        <translation>恢复默认的列</translation>
    </message>
</context>
<context>
    <name>CommitteePage</name>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="404" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="187" />
        <source>Committee</source>
        <translation>业委会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="188" />
        <location filename="../../desktop/ui/pages/committee.py" line="325" />
        <source>Formed on</source>
        <translation>换届日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="189" />
        <location filename="../../desktop/ui/pages/committee.py" line="326" />
        <source>Term</source>
        <translation>协议期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="190" />
        <location filename="../../desktop/ui/pages/committee.py" line="338" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="191" />
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="193" />
        <source>No committee terms yet. Click &quot;New&quot; to record the current term and its members.</source>
        <translation>还没有业委会届次记录。点击“新建”登记本届业委会及其委员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="211" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="212" />
        <location filename="../../desktop/ui/pages/committee.py" line="350" />
        <source>Post in the branch</source>
        <translation>支部职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="213" />
        <location filename="../../desktop/ui/pages/committee.py" line="351" />
        <source>Serves at</source>
        <translation>兼任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="214" />
        <location filename="../../desktop/ui/pages/committee.py" line="352" />
        <source>Post there</source>
        <translation>兼任职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="215" />
        <location filename="../../desktop/ui/pages/committee.py" line="231" />
        <location filename="../../desktop/ui/pages/committee.py" line="353" />
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="217" />
        <source>No cross-appointments yet. Click &quot;New&quot; to record one.</source>
        <translation>还没有交叉任职记录。点击“新建”登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="229" />
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="230" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="232" />
        <location filename="../../desktop/ui/pages/committee.py" line="371" />
        <source>Evaluated on</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="233" />
        <location filename="../../desktop/ui/pages/committee.py" line="373" />
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="235" />
        <source>No evaluations yet. Click &quot;New&quot; to evaluate the property company or the owners&apos; committee.</source>
        <translation>还没有评价记录。点击“新建”评价物业服务企业或业委会。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="158" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="174" />
        <source>Committee terms</source>
        <translation>业委会届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="175" />
        <source>Cross-appointments</source>
        <translation>交叉任职</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="176" />
        <source>Evaluations</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="256" />
        <source>First add the owners&apos; committee and the property company under People and organizations → Organizations.</source>
        <translation>请先在“人员与组织 → 组织”中添加业主委员会和物业服务企业。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="284" />
        <source>{date} – now</source>
        <translation>{date} 至今</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="290" />
        <source>meets the 50% rule</source>
        <translation>符合党员不少于50%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="292" />
        <source>below 50%</source>
        <translation>未达50%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="327" />
        <location filename="../../desktop/ui/pages/committee.py" line="354" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="330" />
        <source>party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="331" />
        <source>not a party member</source>
        <translation>非党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="372" />
        <source>Evaluators</source>
        <translation>评价人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="374" />
        <source>Overall comment</source>
        <translation>总体评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="201" />
        <source>Delete this committee term and its list of members? This cannot be undone.</source>
        <translation>删除这一届业委会及其委员名单？删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="222" />
        <source>Delete this cross-appointment? This cannot be undone.</source>
        <translation>删除这条交叉任职记录？删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/committee.py" line="244" />
        <source>Move this evaluation to the trash? You can restore it from the Trash page.</source>
        <translation>把这份评价移到回收站？可以在“回收站”页面恢复。</translation>
    </message>
</context>
<context>
    <name>CommitteeTerm</name>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="43" />
        <source>No members yet: add the members of this term.</source>
        <translation>还没有委员：请添加本届业委会的委员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="46" />
        <source>{party} of the {members} members of this term are party members ({percent}%): the rule of at least 50% party members is met.</source>
        <translation>本届业委会 {members} 名委员中党员 {party} 名（{percent}%），符合“党员不少于 50%”的要求。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="51" />
        <source>{party} of the {members} members of this term are party members ({percent}%): the rule of at least 50% party members is NOT met.</source>
        <translation>本届业委会 {members} 名委员中党员 {party} 名（{percent}%），未达到“党员不少于 50%”的要求。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="69" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="70" />
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="71" />
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="121" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="81" />
        <source>Add member</source>
        <translation>添加委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="82" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="157" />
        <source>Edit committee term</source>
        <translation>编辑业委会届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="156" />
        <source>New committee term</source>
        <translation>新建业委会届次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="182" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="189" />
        <source>Committee</source>
        <translation>业委会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="195" />
        <source>Formed (elected) on</source>
        <translation>换届选举日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="200" />
        <source>Term starts</source>
        <translation>期限开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="203" />
        <source>Term ends</source>
        <translation>期限结束</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="207" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="213" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/committee_term.py" line="251" />
        <source>The term has been saved as recorded; the shortfall is shown on the term and on the home page.</source>
        <translation>本届已按实际情况保存；党员比例不足会在届次和首页上提示。</translation>
    </message>
</context>
<context>
    <name>CompactEditor</name>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="51" />
        <source>Edit compact draft</source>
        <translation>编辑公约草案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="66" />
        <source>Add article</source>
        <translation>添加条款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="67" />
        <source>Add chapter</source>
        <translation>添加章</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="68" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="69" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="70" />
        <source>Split at cursor</source>
        <translation>从光标处拆分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="71" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="82" />
        <source>Title</source>
        <translation>公约名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="84" />
        <source>Preamble</source>
        <translation>序言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="87" />
        <source>Articles</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="89" />
        <source>Closing clause</source>
        <translation>附则</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="159" />
        <source>New chapter</source>
        <translation>新的一章</translation>
    </message>
</context>
<context>
    <name>CompactTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="16" />
        <source>Draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="17" />
        <source>In force</source>
        <translation>已施行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="18" />
        <source>In force, revision drafted</source>
        <translation>已施行，修订稿起草中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="30" />
        <source>Compact</source>
        <translation>公约名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="33" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="40" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="44" />
        <source>Adopted on</source>
        <translation>通过日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="47" />
        <source>Articles</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/compacts.py" line="41" />
        <source>Version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
</context>
<context>
    <name>CompactsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="36" />
        <source>Search compact title</source>
        <translation>搜索公约名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="45" />
        <source>Record adoption…</source>
        <translation>登记表决通过…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="46" />
        <source>Start a revision</source>
        <translation>起草修订稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="47" />
        <source>Compare versions…</source>
        <translation>版本对比…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="53" />
        <source>Compact (A4)</source>
        <translation>公约（A4）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="54" />
        <source>Poster for the lobby (A3)</source>
        <translation>大堂张贴海报（A3）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="55" />
        <source>Household signing sheet</source>
        <translation>住户签署表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="60" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="38" />
        <source>No compacts yet. Click &quot;New&quot; to start one from a template (civilized dog keeping, parking, waste sorting, noise and renovation, shared spaces) or from a blank page.</source>
        <translation>还没有邻里公约。点击“新建”，可以从模板（文明养犬、停车秩序、垃圾分类、噪音与装修、公共空间）开始，也可以从空白开始。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="86" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="91" />
        <source>draft</source>
        <translation>草案</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="93" />
        <source>Version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="106" />
        <source>A blank page</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="110" />
        <source>New compact</source>
        <translation>新建公约</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="111" />
        <source>Start from:</source>
        <translation>从哪里开始：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="121" />
        <source>Neighborhood compact</source>
        <translation>邻里公约</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="122" />
        <source>(first article)</source>
        <translation>（第一条内容）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="135" />
        <source>This compact has been adopted and cannot be changed. Start a revision (a new draft from the adopted text)?</source>
        <translation>这份公约已经表决通过，不能直接修改。要在现行文本基础上起草修订稿吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/compacts.py" line="37" />
        <source>{count} compact(s) moved to the trash.</source>
        <translation>已将 {count} 份公约移入回收站。</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="276" />
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="277" />
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="278" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="287" />
        <location filename="../../desktop/ui/dialogs/compact.py" line="311" />
        <source>Version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="305" />
        <source>Compare versions</source>
        <translation>版本对比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/compact.py" line="319" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
</context>
<context>
    <name>CrossAppointment</name>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="30" />
        <source>Edit cross-appointment</source>
        <translation>编辑交叉任职</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="29" />
        <source>New cross-appointment</source>
        <translation>新建交叉任职</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="56" />
        <source>e.g. deputy chair</source>
        <translation>如：业委会副主任</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="57" />
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="58" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="62" />
        <source>Person (from the roster)</source>
        <translation>人员（从名册中选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="67" />
        <source>Post in the branch</source>
        <translation>支部职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="71" />
        <source>Also serves at</source>
        <translation>兼任单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="76" />
        <source>Post there</source>
        <translation>兼任职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="78" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="79" />
        <source>Until</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/cross_appointment.py" line="80" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CultivationDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="64" />
        <source>Cultivation</source>
        <translation>培养情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="75" />
        <source>e.g. Training on deliberation rules; convener of …</source>
        <translation>例如：参加协商议事规则培训；担任……召集人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="77" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="78" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="80" />
        <source>Description</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>CultivationModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="262" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="265" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="269" />
        <source>Description</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>DiscoveryDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="42" />
        <source>When was {name} discovered?</source>
        <translation>{name}是什么时候发现的？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="45" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="47" />
        <source>Discovered on</source>
        <translation>发现日期</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="52" />
        <source>Criterion</source>
        <translation>评价项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="53" />
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="89" />
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="54" />
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="61" />
        <source>Add criterion</source>
        <translation>添加评价项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="62" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="63" />
        <source>Starter criteria</source>
        <translation>恢复默认项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="88" />
        <source> pt</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="127" />
        <source>Edit evaluation</source>
        <translation>编辑评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="126" />
        <source>New evaluation</source>
        <translation>新建评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="147" />
        <source>2026Q3 or 2026</source>
        <translation>2026Q3 或 2026</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="150" />
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”隔开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="156" />
        <source>Organization evaluated</source>
        <translation>被评价单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="162" />
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="169" />
        <source>Evaluated on</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="173" />
        <source>Evaluators</source>
        <translation>评价人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="176" />
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/evaluation.py" line="181" />
        <source>Overall comment</source>
        <translation>总体评价</translation>
    </message>
</context>
<context>
    <name>FederationLabels</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="34" />
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="35" />
        <source>Role taken on</source>
        <translation>担任角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="41" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="42" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="43" />
        <source>Evaluation</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="44" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>FederationPage</name>
    <message>
        <location filename="../../desktop/ui/pages/federation.py" line="21" />
        <source>Building leaders</source>
        <translation>楼栋长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation.py" line="25" />
        <source>Self-organizations</source>
        <translation>自组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation.py" line="27" />
        <source>Rest stations</source>
        <translation>暖蜂驿站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation.py" line="28" />
        <source>Talented residents</source>
        <translation>贤达能人</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <location filename="../../desktop/ui/figure_cards.py" line="31" />
        <source>What is counted</source>
        <translation>统计什么</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_cards.py" line="32" />
        <source>From which records</source>
        <translation>依据哪些记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_cards.py" line="33" />
        <source>Which date decides the period</source>
        <translation>按哪个日期计入统计期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_cards.py" line="43" />
        <source>How it is counted: {title}</source>
        <translation>口径说明：{title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_cards.py" line="71" />
        <source>Click to list the records behind this figure</source>
        <translation>点击查看这个数字所依据的记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_cards.py" line="87" />
        <source>How it is counted</source>
        <translation>口径说明</translation>
    </message>
</context>
<context>
    <name>FindingModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="84" />
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="87" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="90" />
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="92" />
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="94" />
        <source>Not yet</source>
        <translation>未登记</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="91" />
        <source>Welcome to Shuren Xiaoqu</source>
        <translation>欢迎使用熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="94" />
        <source>There is no data in this data folder yet. How would you like to begin?</source>
        <translation>这个数据文件夹里还没有数据。您想怎样开始？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="104" />
        <source>Set up my neighborhood</source>
        <translation>建立我的小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="105" />
        <source>Enter the neighborhood&apos;s name, community, street and buildings, then import your Excel ledgers or start recording.</source>
        <translation>填写小区名称、所属社区、街道和楼栋，然后从 Excel 导入台账，或直接开始登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="113" />
        <source>Restore from the street office…</source>
        <translation>从街道办恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="114" />
        <source>This branch used Shuren Xiaoqu before and synced with the street office (a new PC, or a disk that failed): get its data back with the street office&apos;s address and the branch&apos;s token.</source>
        <translation>本支部以前用过熟人小区并同步到了街道办（例如换了新电脑，或硬盘坏了）：用街道办的地址和本支部的令牌取回数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="123" />
        <source>Look at the demo data first</source>
        <translation>先看演示数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="124" />
        <source>Open a made-up demo neighborhood to see how the app works. Your data folder stays as it is; the next time you open Shuren Xiaoqu you start here again.</source>
        <translation>打开一个虚构的演示小区，看看软件怎么用。您的数据文件夹保持不变，下次打开熟人小区仍从这里开始。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="130" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="221" />
        <source>Demo neighborhood</source>
        <translation>演示小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="222" />
        <source>The demo neighborhood could not be opened. Start Shuren Xiaoqu again and try once more; if it keeps happening, ask the street office for help.</source>
        <translation>演示小区没能打开。请重新打开熟人小区再试一次；如果一直这样，请联系街道办。</translation>
    </message>
</context>
<context>
    <name>FirstStartGuide</name>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="245" />
        <source>1. Your neighborhood</source>
        <translation>第一步：您的小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="247" />
        <source>They head the minutes and the reports to the street office, and show in the status bar.</source>
        <translation>会议纪要和报给街道的数据都以此为抬头，窗口底部的状态栏也会显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="257" />
        <source>Neighborhood name</source>
        <translation>小区名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="258" />
        <source>Community</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="259" />
        <source>Street office</source>
        <translation>所属街道</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="263" />
        <source>e.g. {example}</source>
        <translation>例如：{example}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="273" />
        <source>You can close this guide at any step: what you entered is kept, and Help → First-start guide opens it again.</source>
        <translation>任何一步都可以关闭本向导，已填写的内容会保存；以后在“帮助 → 首次使用向导”中可以再次打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="329" />
        <source>2. Buildings</source>
        <translation>第二步：楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="331" />
        <source>Forms offer them when you record a resident, a need or a visit. Grids and the number of units can be set later under People and organizations → Neighborhood and buildings.</source>
        <translation>登记居民、需求和走访时可以直接选择楼栋。网格和每栋的单元数，以后可以在“人员与组织 → 小区与楼栋”中设置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="342" />
        <location filename="../../desktop/ui/first_start.py" line="354" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="345" />
        <source>Numbered buildings from</source>
        <translation>按编号添加：从</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="347" />
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="352" />
        <source>or one by its name, e.g. A座</source>
        <translation>或按名称逐个添加，例如：A座</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="364" />
        <source>Remove the chosen building</source>
        <translation>删除选中的楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="389" />
        <source>Buildings so far: {count}</source>
        <translation>已有楼栋：{count} 栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="391" />
        <source>No buildings yet.</source>
        <translation>还没有楼栋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="411" />
        <source>{added} building(s) added; {skipped} were there already and stay as they are.</source>
        <translation>已添加 {added} 栋；{skipped} 栋原来就有，保持不变。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="416" />
        <source>{count} building(s) added.</source>
        <translation>已添加 {count} 栋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="442" />
        <source>This building has residents in the roster, so it stays. Move them first under People and organizations.</source>
        <translation>花名册里有居民住在这栋楼，所以不能删除。请先在“人员与组织”中修改他们的住址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="470" />
        <source>3. Bring in your records</source>
        <translation>第三步：导入已有的台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="472" />
        <source>Or click &quot;Finish&quot; and record as you go: every list page has &quot;New&quot;.</source>
        <translation>也可以直接点“完成”，边用边登记：每个清单页都有“新建”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="477" />
        <source>Import a ledger from Excel</source>
        <translation>从 Excel 导入台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="479" />
        <source>Each of the three lists has its ledger. The workbook is checked first; nothing is written until you confirm.</source>
        <translation>三张清单各有一个台账。导入前先检查表格，您确认后才会写入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="489" />
        <source>Needs ledger…</source>
        <translation>需求清单台账…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="490" />
        <source>Resources ledger…</source>
        <translation>资源清单台账…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="491" />
        <source>Projects ledger…</source>
        <translation>项目清单台账…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="502" />
        <source>Restore from the street office…</source>
        <translation>从街道办恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="503" />
        <source>This branch&apos;s data is already at the street office (it used Shuren Xiaoqu before): get it back. It replaces what is here; the data replaced is kept.</source>
        <translation>本支部的数据已经在街道办（以前用过熟人小区）：取回这些数据。取回的数据会替换这里的数据，被替换的数据会另外保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="512" />
        <source>Look at the demo data</source>
        <translation>先看演示数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="513" />
        <source>Opens a made-up demo neighborhood in a window of its own. Your data is not touched; close that window to come back here.</source>
        <translation>在另一个窗口打开虚构的演示小区。您的数据不受影响；关闭那个窗口就回到这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="526" />
        <source>Or</source>
        <translation>或者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="538" />
        <source>First-start guide</source>
        <translation>首次使用向导</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="542" />
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="543" />
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="544" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="545" />
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/first_start.py" line="586" />
        <source>The demo neighborhood opens in a window of its own (it takes a few seconds). Close it when you are done: this window keeps your data.</source>
        <translation>演示小区正在另一个窗口中打开（需要几秒钟）。看完关闭它即可，这个窗口里仍是您自己的数据。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="22" />
        <source>Record the follow-up result</source>
        <translation>记录回访结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="31" />
        <source>{resident}, visited {date}: {issue}</source>
        <translation>{resident}，{date}走访：{issue}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="38" />
        <source>What the follow-up found, e.g. 已修好，居民满意</source>
        <translation>回访了解到的情况，例如：已修好，居民满意</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="41" />
        <source>(not rated)</source>
        <translation>（未评价）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="45" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="47" />
        <source>Follow up on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="49" />
        <source>Result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/follow_up.py" line="51" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../desktop/ui/help_viewer.py" line="210" />
        <location filename="../../desktop/ui/help_viewer.py" line="233" />
        <location filename="../../desktop/ui/help_viewer.py" line="341" />
        <source>Shuren Xiaoqu user guide</source>
        <translation>熟人小区使用说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_viewer.py" line="211" />
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_viewer.py" line="246" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_viewer.py" line="249" />
        <source>Larger text</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_viewer.py" line="251" />
        <source>Smaller text</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_viewer.py" line="259" />
        <source>Contents</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="85" />
        <source>{committee} (formed {date}): {party} of {members} members are party members ({percent}%), below the required 50%.</source>
        <translation>{committee}（{date}换届）：{members} 名委员中党员 {party} 名（{percent}%），未达到“党员不少于 50%”的要求。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="99" />
        <source>{days} days overdue</source>
        <translation>逾期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="106" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="107" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="118" />
        <source>Pairing activity this quarter</source>
        <translation>本季度结对活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="119" />
        <source>Practical service this quarter</source>
        <translation>本季度为民实事</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="122" />
        <source>Dispute mediation this year</source>
        <translation>今年纠纷调处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="128" />
        <source>{title} ({count}, {overdue} overdue)</source>
        <translation>{title}（{count}，其中逾期 {overdue}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="131" />
        <source>{title} ({count})</source>
        <translation>{title}（{count}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="264" />
        <source>Getting started: do these first</source>
        <translation>刚开始使用：请先做这几件事</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="270" />
        <source>Open the first-start guide…</source>
        <translation>打开首次使用向导…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="283" />
        <source>1. Neighborhood filled in: {name}</source>
        <translation>1. 小区信息已填写：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="287" />
        <source>1. Fill in the neighborhood&apos;s name, its community and street.</source>
        <translation>1. 填写小区名称、所属社区和街道。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="293" />
        <source>2. {count} building(s) added.</source>
        <translation>2. 已添加 {count} 栋楼。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="295" />
        <source>2. Add the buildings (1栋, 2栋 …).</source>
        <translation>2. 添加楼栋（1栋、2栋……）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="298" />
        <source>3. Import the needs, resources and projects ledgers from Excel, or click &quot;New&quot; on any page.</source>
        <translation>3. 从 Excel 导入需求、资源、项目台账，或在各清单页点“新建”开始登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="326" />
        <source>Follow up on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="327" />
        <location filename="../../desktop/ui/pages/home.py" line="336" />
        <location filename="../../desktop/ui/pages/home.py" line="348" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="328" />
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="329" />
        <source>What was raised</source>
        <translation>反映的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="335" />
        <location filename="../../desktop/ui/pages/home.py" line="347" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="337" />
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="338" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="343" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="343" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="349" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="350" />
        <source>Action item</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="356" />
        <source>Days left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="357" />
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="358" />
        <source>Still owed</source>
        <translation>尚缺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="386" />
        <source>Record the follow-up result…</source>
        <translation>记录回访结果…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="387" />
        <source>Open the visit</source>
        <translation>打开走访记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="393" />
        <source>Mark done</source>
        <translation>标为完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="394" />
        <source>Create project</source>
        <translation>转为项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="404" />
        <source>This is the demo neighborhood: its names, phones and records are made up, and it is kept apart from your own data. Close this window when you are done; the next time you open Shuren Xiaoqu, it opens your own data.</source>
        <translation>这是演示小区：其中的姓名、电话和记录都是虚构的，与您自己的数据分开保存。看完关闭这个窗口即可；下次打开熟人小区，打开的仍是您自己的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="509" />
        <source>Follow-up visits due this week</source>
        <translation>本周需回访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="531" />
        <source>No follow-ups due. A visit with a follow-up date shows here from its week on, until its result is recorded.</source>
        <translation>没有需要回访的走访。走访填了回访日期的，到那一周就列在这里，记录回访结果后移除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="539" />
        <source>Overdue needs</source>
        <translation>逾期未办结的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="558" />
        <source>No overdue needs. A need not resolved by its due date shows here.</source>
        <translation>没有逾期的需求。需求过了办结期限还未办结，就会列在这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="565" />
        <source>Upcoming meetings</source>
        <translation>近期会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="578" />
        <source>No meetings planned. Plan one on the &quot;Meetings&quot; page.</source>
        <translation>没有已安排的会议。可以在“协商议事”页安排会议。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="583" />
        <source>Open action items</source>
        <translation>待落实事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="604" />
        <source>From: {meeting}</source>
        <translation>来自：{meeting}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="610" />
        <source>No open action items. What a meeting decides to do, with its owner and due date, shows here until it is done.</source>
        <translation>没有待落实的事项。会议决定要办的事（负责人、期限）会列在这里，直到办完。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="624" />
        <source>{days} days</source>
        <translation>还剩 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="638" />
        <source>No partner unit yet. Add them on the &quot;Partner units&quot; page (&quot;New partner unit&quot;); this box then warns when a three-ones activity is still owed.</source>
        <translation>还没有共建单位。在“共建单位”页点“新建共建单位”添加后，这里会提醒哪家单位的“三个一”还没完成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="644" />
        <source>Nothing owed soon. In the last month of a quarter (the last two of the year) this box warns of any three-ones activity still missing.</source>
        <translation>近期没有到期未完成的“三个一”。每季度最后一个月（全年为最后两个月），这里会提醒还缺哪一项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="618" />
        <source>Partner units: three-ones still owed ({count})</source>
        <translation>共建单位“三个一”待完成（{count}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/home.py" line="652" />
        <source>Owners&apos; committee</source>
        <translation>业委会</translation>
    </message>
</context>
<context>
    <name>IndicatorCharts</name>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="137" />
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="152" />
        <location filename="../../desktop/ui/indicator_charts.py" line="208" />
        <source>Number of needs</source>
        <translation>需求数（条）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="191" />
        <source>{status}: {count}</source>
        <translation>{status}：{count}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="240" />
        <source>Q1</source>
        <translation>第一季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="241" />
        <source>Q2</source>
        <translation>第二季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="242" />
        <source>Q3</source>
        <translation>第三季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="243" />
        <source>Q4</source>
        <translation>第四季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicator_charts.py" line="246" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>IndicatorRecords</name>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="38" />
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="39" />
        <source>Deliberation meeting</source>
        <translation>协商议事会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="40" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="41" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="42" />
        <source>Self-organization</source>
        <translation>自组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="43" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="44" />
        <source>Talented resident</source>
        <translation>贤达能人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="45" />
        <source>Partner agreement</source>
        <translation>共建协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="46" />
        <source>Partner activity</source>
        <translation>共建活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="58" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="59" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="60" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="81" />
        <source>Double-click to open this record</source>
        <translation>双击打开这条记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="112" />
        <source>Reading the records…</source>
        <translation>正在读取记录……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/indicator_records.py" line="137" />
        <source>Double-click a record to open it.</source>
        <translation>双击一条记录可以打开它。</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <location filename="../../desktop/ui/inputs.py" line="50" />
        <source>e.g. 13812345678 or 0755-12345678</source>
        <translation>例如：13812345678 或 0755-12345678</translation>
    </message>
</context>
<context>
    <name>LeadersTab</name>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="47" />
        <source>Grid / building</source>
        <translation>网格 / 楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="47" />
        <source>Building leader</source>
        <translation>楼栋长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="50" />
        <source>Joint patrols</source>
        <translation>联合巡查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="51" />
        <source>New patrol</source>
        <translation>新建巡查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="52" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="53" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="57" />
        <source>Findings of the selected patrol</source>
        <translation>所选巡查发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="60" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="63" />
        <source>Register as need</source>
        <translation>登记为需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="74" />
        <source>Monthly leaders meetings</source>
        <translation>楼栋长月度例会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="77" />
        <source>New leaders meeting</source>
        <translation>新建楼栋长例会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="109" />
        <source>No leader yet</source>
        <translation>暂无楼栋长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="111" />
        <source>Not in a grid</source>
        <translation>未划分网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="116" />
        <source>{count} without a leader</source>
        <translation>{count} 栋暂无楼栋长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="140" />
        <source>No joint patrols yet. Click &quot;New patrol&quot; after a round.</source>
        <translation>还没有联合巡查记录。巡查结束后点击“新建巡查”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="154" />
        <source>This patrol found nothing.</source>
        <translation>这次巡查没有发现问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="190" />
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="191" />
        <source>Move the patrol of {date} to the trash? You can restore it from the Trash page.</source>
        <translation>将{date}的巡查记录移到回收站吗？可以在“回收站”页面恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="209" />
        <source>This finding is already registered as a need.</source>
        <translation>这个问题已经登记为需求。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="221" />
        <source>Registered as need &quot;{title}&quot;.</source>
        <translation>已登记为需求“{title}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="244" />
        <source>No leaders meetings yet.</source>
        <translation>还没有楼栋长例会。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_leaders.py" line="262" />
        <source>Building leaders meeting, {month}</source>
        <translation>{month}楼栋长月度例会</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="43" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="44" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="55" />
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="57" />
        <location filename="../../desktop/ui/ledger_actions.py" line="94" />
        <location filename="../../desktop/ui/ledger_actions.py" line="179" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="63" />
        <source>Exporting…</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="77" />
        <source>{count} record(s) exported to {path}.</source>
        <translation>已导出 {count} 条记录到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="92" />
        <location filename="../../desktop/ui/ledger_actions.py" line="145" />
        <location filename="../../desktop/ui/ledger_actions.py" line="165" />
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="105" />
        <source>Checking the workbook…</source>
        <translation>正在检查表格……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="107" />
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="146" />
        <source>Import now?</source>
        <translation>现在导入吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="159" />
        <source>… and {count} more.</source>
        <translation>……另有 {count} 处错误。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="170" />
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="172" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="177" />
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="189" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="210" />
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/ledger_actions.py" line="212" />
        <location filename="../../desktop/ui/ledger_actions.py" line="215" />
        <source>Excel ledger</source>
        <translation>Excel 台账</translation>
    </message>
</context>
<context>
    <name>LinkList</name>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="81" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="82" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="57" />
        <source>Select a record to see its details</source>
        <translation>选择一条记录查看详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="126" />
        <location filename="../../desktop/ui/pages/list_page.py" line="255" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="127" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="128" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="196" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="197" />
        <source>Show or hide the details pane</source>
        <translation>显示或收起详情栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="253" />
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="277" />
        <source>{count} records selected</source>
        <translation>已选择 {count} 条记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="367" />
        <source>Move to trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="368" />
        <source>Move {count} record(s) to the trash? You can restore them from the Trash page.</source>
        <translation>将 {count} 条记录移入回收站？之后可以在“回收站”中恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="483" />
        <source>No record matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的记录。</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../desktop/ui/lock.py" line="62" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="63" />
        <source>After {minutes} minutes</source>
        <translation>{minutes} 分钟后</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="67" />
        <source>Shuren Xiaoqu — locked</source>
        <translation>熟人小区——已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="78" />
        <location filename="../../desktop/ui/lock.py" line="104" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="108" />
        <source>Shuren Xiaoqu is locked to protect the residents&apos; data. Enter the password to go on where you left off.</source>
        <translation>为保护居民信息，熟人小区已锁定。请输入密码，回到离开时的地方继续。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="116" />
        <location filename="../../desktop/ui/lock.py" line="117" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="119" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="349" />
        <source>The password is not right. {left} more tries, then a wait of {seconds} seconds.</source>
        <translation>密码不正确。还可以再试 {left} 次，之后需等待 {seconds} 秒。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="360" />
        <source>{attempts} wrong passwords in a row. Try again in {seconds} seconds.</source>
        <translation>连续 {attempts} 次密码不正确。请在 {seconds} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="195" />
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="200" />
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="36" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="39" />
        <source>Needs</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="46" />
        <source>Resources</source>
        <translation>资源清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="53" />
        <source>Projects</source>
        <translation>项目清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="60" />
        <source>Visits</source>
        <translation>接待走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="67" />
        <source>Meetings</source>
        <translation>协商议事</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="74" />
        <source>Compacts</source>
        <translation>邻里公约</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="81" />
        <source>Partner units</source>
        <translation>共建单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="88" />
        <source>Committee and property company</source>
        <translation>业委会与物业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="95" />
        <source>People and organizations</source>
        <translation>人员与组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="101" />
        <source>Buildings and self-organizations</source>
        <translation>楼栋与自组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="108" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="114" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="120" />
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/registry.py" line="123" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="281" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="283" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289" />
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="295" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="298" />
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="305" />
        <source>First-start guide…</source>
        <translation>首次使用向导…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="309" />
        <source>About Shuren Xiaoqu</source>
        <translation>关于熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="396" />
        <source>Unsaved work</source>
        <translation>未保存的内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="397" />
        <source>{count} form(s) were not saved when the app last closed: {names}. Open them again?</source>
        <translation>上次关闭软件时，有 {count} 份填写中的内容没有保存：{names}。要重新打开吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="405" />
        <source>Open them</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="408" />
        <source>Delete the drafts</source>
        <translation>删除这些草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="410" />
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="433" />
        <source>Neighborhood not set: Help → First-start guide</source>
        <translation>尚未填写小区信息：请打开“帮助 → 首次使用向导”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="455" />
        <source>The data file is damaged: records can be viewed but not changed. Nothing was backed up or uploaded from it. Restore a sound backup to go on working.</source>
        <translation>数据文件已损坏：现在只能查看，不能修改。软件没有备份或上传这个损坏的文件。请从完好的备份恢复后再继续工作。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="463" />
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="473" />
        <source>Checking the data file…</source>
        <translation>正在检查数据文件……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="475" />
        <source>Checking the data file… (a few seconds when there are many records)</source>
        <translation>正在检查数据文件……（记录很多时需要几秒钟）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="531" />
        <source>Data file damaged: no backup made from it</source>
        <translation>数据文件已损坏：没有用它做备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="568" />
        <source>Click to open the Sync page</source>
        <translation>点击打开“同步”页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="586" />
        <source>Backup failed: check the free disk space</source>
        <translation>备份失败：请检查磁盘剩余空间</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="80" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="99" />
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="150" />
        <source>Edit meeting</source>
        <translation>编辑会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="149" />
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="163" />
        <source>e.g. Deliberation on installing lifts in building 3</source>
        <translation>例如：关于3栋加装电梯的协商议事会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="171" />
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="172" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="173" />
        <source>Date and time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="174" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="175" />
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="176" />
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="183" />
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="184" />
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="185" />
        <source>Action items</source>
        <translation>行动事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="203" />
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="204" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="205" />
        <source>Unit or title</source>
        <translation>单位 / 职务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="206" />
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="217" />
        <source>Invite from the roster…</source>
        <translation>从名册邀请…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="218" />
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="219" />
        <location filename="../../desktop/ui/dialogs/meeting.py" line="398" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="261" />
        <source>Invite from the roster</source>
        <translation>从名册邀请</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="283" />
        <source>Add topic</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="284" />
        <source>Remove topic</source>
        <translation>删除议题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="298" />
        <source>Leave empty if none</source>
        <translation>未达成共识时留空</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="300" />
        <source>Link needs</source>
        <translation>关联需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="138" />
        <source>For</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="139" />
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="140" />
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="307" />
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="308" />
        <source>Discussion</source>
        <translation>讨论情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="309" />
        <source>Votes</source>
        <translation>表决</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="310" />
        <source>Consensus reached</source>
        <translation>达成共识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="311" />
        <source>Needs discussed</source>
        <translation>涉及的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="366" />
        <source>New topic</source>
        <translation>新议题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="386" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="387" />
        <source>Who</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="388" />
        <source>Due by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="389" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="397" />
        <source>Add action item</source>
        <translation>添加行动事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="413" />
        <source>Name, role or unit</source>
        <translation>姓名、角色或单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/meeting.py" line="516" />
        <source>These minutes were finalized meanwhile and can no longer be edited; add a correction instead.</source>
        <translation>这份纪要在此期间已经定稿，不能再修改；如需改动，请添加“更正”。</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="19" />
        <source>Final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="21" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="34" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="39" />
        <source>Meeting</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="41" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="48" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="51" />
        <source>Present</source>
        <translation>到会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="54" />
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="57" />
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="60" />
        <source>Open actions</source>
        <translation>待落实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/meetings.py" line="63" />
        <source>Minutes</source>
        <translation>纪要</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="33" />
        <source>For {f}, against {a}, abstain {n}</source>
        <translation>同意 {f} 票，反对 {a} 票，弃权 {n} 票</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="45" />
        <source>Search meeting title, place or host</source>
        <translation>搜索会议名称、地点或主持人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="64" />
        <source>Finalize minutes</source>
        <translation>纪要定稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="65" />
        <source>Add a correction…</source>
        <translation>添加更正…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="73" />
        <source>Minutes (archive copy, to sign)</source>
        <translation>会议纪要（存档版，供签字）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="76" />
        <source>Minutes (notice-board copy, names masked)</source>
        <translation>会议纪要（公示版，姓名已隐去）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="78" />
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="82" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="52" />
        <source>All meetings</source>
        <translation>全部会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="56" />
        <source>Drafts and final</source>
        <translation>草稿和定稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="57" />
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="58" />
        <source>Final</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="47" />
        <source>No meetings yet. Click &quot;New&quot; to prepare the next deliberation meeting.</source>
        <translation>还没有会议记录。点击“新建”准备下一次协商议事会。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="98" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="99" />
        <source>Minutes</source>
        <translation>纪要</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="101" />
        <source>Date and time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="104" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="105" />
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="106" />
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="108" />
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="109" />
        <source>{present} of {invited} present</source>
        <translation>应到 {invited} 人，实到 {present} 人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="120" />
        <source>No consensus recorded</source>
        <translation>未达成共识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="136" />
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="137" />
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="138" />
        <source>Action items</source>
        <translation>行动事项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="139" />
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="150" />
        <source>These minutes are final and cannot be changed. Use &quot;Add a correction&quot; to record a correction; it is printed after the minutes.</source>
        <translation>这份纪要已定稿，不能再修改。如需更正，请使用“添加更正”，更正会打印在纪要之后。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="169" />
        <source>Finalize the minutes of &quot;{title}&quot;? After this they cannot be edited; corrections are added as dated amendments.</source>
        <translation>将“{title}”的纪要定稿？定稿后不能再修改，更正将以注明日期的更正说明附在纪要之后。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="185" />
        <source>The minutes cannot be finalized yet:
{reasons}
Edit the meeting to correct this, then finalize again.</source>
        <translation>纪要还不能定稿：
{reasons}
请先编辑会议改正，再定稿。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="206" />
        <source>The correction (dated today, printed after the minutes):</source>
        <translation>更正内容（日期为今天，打印在纪要之后）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="244" />
        <source> (notice board)</source>
        <translation>（公示版）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/meetings.py" line="46" />
        <source>{count} meeting(s) moved to the trash.</source>
        <translation>已将 {count} 次会议移入回收站。</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="73" />
        <source>Edit member</source>
        <translation>编辑成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="72" />
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="99" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="101" />
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="102" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization_activity.py" line="103" />
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="137" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="139" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="141" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="143" />
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="12" />
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="13" />
        <source>This is too long; please shorten it.</source>
        <translation>内容过长，请精简。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="14" />
        <source>This building is not in the list; choose another.</source>
        <translation>楼栋不在列表中，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="17" />
        <source>The end of the term must come after its start.</source>
        <translation>任期结束日期应晚于开始日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="18" />
        <source>This name is already used; choose another.</source>
        <translation>这个名称已经用过了，请换一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="19" />
        <source>Please give the reason.</source>
        <translation>请说明原因。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="20" />
        <source>This date cannot be earlier than the one above.</source>
        <translation>这个日期不能早于上面的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="23" />
        <source>The status cannot go there from where it is now.</source>
        <translation>当前状态不能直接改成这个状态。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="26" />
        <source>Enter an amount of 0 or more, in yuan.</source>
        <translation>请填写不小于 0 的金额（元）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="27" />
        <source>Ratings go from 1 to 5.</source>
        <translation>评分应在 1 到 5 之间。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="28" />
        <source>Write a quarter such as 2026Q3 or a year such as 2026.</source>
        <translation>请填写季度（如 2026Q3）或年度（如 2026）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="31" />
        <source>Only a need of the category &quot;Property services&quot; can be marked as a property dispute; choose that category or clear the mark.</source>
        <translation>只有类别为“物业服务”的需求才能标为物业矛盾；请改选该类别，或取消勾选。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="36" />
        <source>The same person is listed twice. Keep one row per person and tick all their roles in it.</source>
        <translation>同一个人列了两次。一人只列一行，在这一行里勾选他的全部角色。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="48" />
        <source>&quot;{name}&quot; is listed in more than one row. Keep one row per person and tick all their roles in it.</source>
        <translation>“{name}”列了不止一行。一人只列一行，在这一行里勾选他的全部角色。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="53" />
        <source>The host &quot;{name}&quot; is listed as excused or absent. Correct this before the minutes are finalized.</source>
        <translation>主持人“{name}”登记为请假或缺席。定稿前请改正。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="58" />
        <source>The recorder &quot;{name}&quot; is listed as excused or absent. Correct this before the minutes are finalized.</source>
        <translation>记录人“{name}”登记为请假或缺席。定稿前请改正。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="70" />
        <source>A mobile number has 11 digits, this one {count}: please check.</source>
        <translation>手机号是 11 位，这里是 {count} 位，请核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="74" />
        <source>Add the area code to a landline, e.g. 0755-26881234.</source>
        <translation>座机号请加区号，如 0755-26881234。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="75" />
        <source>Not like a mobile or a landline: please check.</source>
        <translation>不像手机号或座机号，请核对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="82" />
        <source>The disk is full, so this could not be completed. Records saved before are safe. Free some disk space, then try again.</source>
        <translation>磁盘已满，这次操作没有完成。之前保存的记录不受影响。请腾出一些磁盘空间后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="87" />
        <source>The disk could not be read or written, so this could not be completed. Records saved before are safe. Check that the disk or USB drive is still connected, then try again.</source>
        <translation>磁盘读写出错，这次操作没有完成。之前保存的记录不受影响。请检查磁盘或 U 盘是否连接正常，然后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="93" />
        <source>A file or folder could not be written: it is read-only or you have no permission. Records saved before are safe. Check the folder, or choose one you can write to.</source>
        <translation>无法写入文件或文件夹：它是只读的，或者没有权限。之前保存的记录不受影响。请检查该文件夹，或换一个可以写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="98" />
        <source>The data file is in use by another program, so this could not be completed. Close that program (or the other Shuren Xiaoqu window), then try again.</source>
        <translation>数据文件正被另一个程序使用，这次操作没有完成。请关闭那个程序（或另一个熟人小区窗口）后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="103" />
        <source>The data file is damaged. Copies of it are in the &quot;backups&quot; folder of the data folder; ask the street office for help restoring one.</source>
        <translation>数据文件已损坏。数据文件夹的“backups”文件夹中有它的备份，请联系街道办帮助恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="117" />
        <source>Something went wrong and the action was not completed. Your saved records are safe. Please try again; if it happens again, tell the street office and send them the log file from the data folder.</source>
        <translation>出了点问题，这次操作没有完成，已保存的记录不受影响。请再试一次；如果仍然不行，请联系街道，并把数据文件夹中的日志文件发给他们。</translation>
    </message>
</context>
<context>
    <name>NamePicker</name>
    <message>
        <location filename="../../desktop/ui/inputs.py" line="144" />
        <source>Type two characters of a name or room</source>
        <translation>输入姓名或房号的两个字即可选择</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="52" />
        <source>Edit need</source>
        <translation>编辑需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="51" />
        <source>New need</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="79" />
        <source>e.g. Lift in building 3 often stops</source>
        <translation>例如：3栋电梯经常停运</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="84" />
        <location filename="../../desktop/ui/dialogs/need.py" line="192" />
        <source>Property dispute</source>
        <translation>物业矛盾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="87" />
        <source>A dispute between residents and the property company; counted in the statistics. Only for needs of the category 物业服务.</source>
        <translation>居民与物业服务企业之间的矛盾，计入统计；仅用于“物业服务”类需求。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="111" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="111" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="130" />
        <source>Required when referred or not accepted</source>
        <translation>转办、不予受理时必填</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="133" />
        <source>What happened (kept in the history)</source>
        <translation>办理情况（记入处理记录）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="136" />
        <location filename="../../desktop/ui/dialogs/need.py" line="143" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="139" />
        <source>(not rated)</source>
        <translation>（未评价）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="148" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="150" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="152" />
        <source>Dispute</source>
        <translation>矛盾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="153" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="154" />
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="155" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="156" />
        <source>Building / unit / room</source>
        <translation>楼栋 / 单元 / 房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="157" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="158" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="159" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="161" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="164" />
        <source>Note on the change</source>
        <translation>变更说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="165" />
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="168" />
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="172" />
        <source>Due by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="173" />
        <source>How it was solved</source>
        <translation>解决情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="175" />
        <source>Resident satisfaction</source>
        <translation>居民满意度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="179" />
        <source>Followed up on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/need.py" line="194" />
        <source>Property dispute (only for the category 物业服务)</source>
        <translation>物业矛盾（仅限“物业服务”类别）</translation>
    </message>
</context>
<context>
    <name>NeedTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="26" />
        <location filename="../../desktop/ui/models/needs.py" line="38" />
        <source>{status} · overdue</source>
        <translation>{status} · 已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="42" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="43" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="44" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="45" />
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="46" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="48" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="55" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/needs.py" line="63" />
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="76" />
        <source>Search title, name, phone or address</source>
        <translation>搜索标题、提出人、电话或住址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="108" />
        <source>Create project</source>
        <translation>转为项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="110" />
        <source>Categories…</source>
        <translation>类别管理…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="83" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="50" />
        <source>Not yet closed</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="51" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="102" />
        <source>Property disputes only</source>
        <translation>只看物业矛盾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="87" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="94" />
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="78" />
        <source>There are no needs yet. Click &quot;New&quot; or import them from Excel.</source>
        <translation>还没有需求记录。点击“新建”或从 Excel 导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="124" />
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="126" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="127" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="128" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="130" />
        <source>Property dispute</source>
        <translation>物业矛盾</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="131" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="133" />
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="134" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="135" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="136" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="137" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="138" />
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="139" />
        <source>Due by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="140" />
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="141" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="142" />
        <source>How it was solved</source>
        <translation>解决情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="144" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="158" />
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="162" />
        <source>Projects answering it</source>
        <translation>回应这条需求的项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="174" />
        <source>{date} {kind}: {resident}, {issue}</source>
        <translation>{date} {kind}：{resident}，{issue}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="186" />
        <source>{date} {meeting}, topic: {topic}</source>
        <translation>{date} {meeting}，议题：{topic}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="198" />
        <source>{date} joint patrol ({route}): {finding}</source>
        <translation>{date} 联合巡查（{route}）：{finding}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="211" />
        <source>Where it came from</source>
        <translation>来源记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/needs.py" line="77" />
        <source>{count} need(s) moved to the trash.</source>
        <translation>已将 {count} 条需求移入回收站。</translation>
    </message>
</context>
<context>
    <name>NeighborhoodPage</name>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="66" />
        <source>Neighborhood</source>
        <translation>小区信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="70" />
        <source>Neighborhood name</source>
        <translation>小区名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="71" />
        <source>Community</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="72" />
        <source>Street office</source>
        <translation>所属街道</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="81" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="111" />
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="117" />
        <location filename="../../desktop/ui/pages/neighborhood.py" line="190" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="118" />
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="119" />
        <location filename="../../desktop/ui/pages/neighborhood.py" line="192" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="134" />
        <location filename="../../desktop/ui/pages/neighborhood.py" line="146" />
        <location filename="../../desktop/ui/pages/neighborhood.py" line="182" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="135" />
        <source>Grid name:</source>
        <translation>网格名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="165" />
        <source>Delete grid</source>
        <translation>删除网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="166" />
        <source>Delete the grid &quot;{name}&quot;? Its buildings stay in the list without a grid.</source>
        <translation>删除网格“{name}”？其中的楼栋会保留，只是不再属于任何网格。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="178" />
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="181" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="183" />
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="191" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="214" />
        <location filename="../../desktop/ui/pages/neighborhood.py" line="226" />
        <source>Delete building</source>
        <translation>删除楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="215" />
        <source>Delete the building &quot;{name}&quot;?</source>
        <translation>删除楼栋“{name}”？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="227" />
        <source>{count} person(s) in the roster (trash included) live in &quot;{name}&quot;. Move them to another building first.</source>
        <translation>名册中（含回收站）还有 {count} 人住在“{name}”，请先把他们改到其他楼栋。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../desktop/ui/operations.py" line="36" />
        <source>This record was moved to the trash or deleted meanwhile (perhaps in another window), so this was not done. Restore it from the trash if it is still needed.</source>
        <translation>这条记录已被移到回收站或删除（可能是在另一个窗口里），所以这次操作没有完成。如果还需要它，请从回收站恢复。</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="34" />
        <source>Edit organization</source>
        <translation>编辑组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="33" />
        <source>New organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="62" />
        <source>e.g. 13812345678 or 0755-12345678</source>
        <translation>例如：13812345678 或 0755-12345678</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="65" />
        <source>Record the term of office</source>
        <translation>登记任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="73" />
        <source>Incubated by the branch</source>
        <translation>由支部孵化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="76" />
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="85" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="86" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="88" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="90" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="93" />
        <source>Term starts</source>
        <translation>任期开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="96" />
        <source>Term ends</source>
        <translation>任期结束</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="99" />
        <source>Incubated on</source>
        <translation>孵化日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="102" />
        <source>Partner type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="104" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OrganizationTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="27" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="33" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="36" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="39" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="41" />
        <source>Term</source>
        <translation>任期</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="27" />
        <source>Search name, contact or phone</source>
        <translation>搜索名称、联系人或电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="39" />
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="31" />
        <source>No organizations yet. Add the property company, the owners&apos; committee, self-organizations and partner units with &quot;New&quot;.</source>
        <translation>还没有组织记录。点击“新建”添加物业服务企业、业主委员会、自组织和共建单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="47" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="48" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="49" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="54" />
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="60" />
        <source>Incubated on</source>
        <translation>孵化日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="62" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="28" />
        <source>{count} organization(s) moved to the trash.</source>
        <translation>已将 {count} 个组织移入回收站。</translation>
    </message>
</context>
<context>
    <name>PartnerLabels</name>
    <message>
        <location filename="../../desktop/ui/partner_labels.py" line="25" />
        <source>{name}: no pairing activity yet this quarter ({days} days left in the quarter)</source>
        <translation>{name}本季度尚无结对活动（本季度还剩 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/partner_labels.py" line="29" />
        <source>{name}: no practical service yet this quarter ({days} days left in the quarter)</source>
        <translation>{name}本季度尚无为民实事（本季度还剩 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/partner_labels.py" line="33" />
        <source>{name}: no dispute mediation yet this year ({days} days left in the year)</source>
        <translation>{name}今年尚无纠纷调处（今年还剩 {days} 天）</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="106" />
        <location filename="../../desktop/ui/pages/partners.py" line="319" />
        <source>New partner unit</source>
        <translation>新建共建单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="107" />
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="108" />
        <source>Record activity</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="109" />
        <source>Record agreement</source>
        <translation>登记协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="110" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="111" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="139" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="162" />
        <location filename="../../desktop/ui/pages/partners.py" line="456" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="163" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="164" />
        <location filename="../../desktop/ui/pages/partners.py" line="458" />
        <source>What was done</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="165" />
        <location filename="../../desktop/ui/pages/partners.py" line="457" />
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="166" />
        <source>Linked</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="172" />
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="173" />
        <source>Term</source>
        <translation>协议期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="174" />
        <location filename="../../desktop/ui/pages/partners.py" line="448" />
        <source>Content</source>
        <translation>协议内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="258" />
        <source>Q{quarter}</source>
        <translation>第{quarter}季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="264" />
        <source>Dispute mediation (year)</source>
        <translation>纠纷调处（全年）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="314" />
        <source>No partner units yet. Click &quot;New partner unit&quot; to add the agencies, enterprises and schools paired with the branch.</source>
        <translation>还没有共建单位。点击“新建共建单位”，添加与支部结对共建的机关、企业和学校。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="346" />
        <source>Activities in {year} ({count})</source>
        <translation>{year}年活动（{count}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="351" />
        <source>Agreements ({count})</source>
        <translation>共建协议（{count}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="445" />
        <source>Agreement signed {date}</source>
        <translation>{date}签订的共建协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="465" />
        <source>Needs it answers</source>
        <translation>回应的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="470" />
        <source>Projects</source>
        <translation>关联项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="551" />
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/partners.py" line="552" />
        <source>Move this record to the trash? You can restore it from the Trash page.</source>
        <translation>把这条记录移到回收站吗？可以在“回收站”页面恢复。</translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <location filename="../../desktop/ui/password.py" line="57" />
        <source>Set a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="60" />
        <source>The residents&apos; data on this computer is encrypted with a password you set now. Keep it safe: a lost password cannot be recovered. The data can then only be got back from the street office&apos;s copy (after a sync).</source>
        <translation>本机的居民信息将用您现在设置的密码加密保存。请牢记密码：密码丢失后无法找回，届时只能从街道办保存的副本恢复数据（须曾经同步过）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="70" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="71" />
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="73" />
        <location filename="../../desktop/ui/password.py" line="125" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="74" />
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="75" />
        <source>The same password again</source>
        <translation>再输入一次密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="76" />
        <source>Once more:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="100" />
        <source>Please type the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="105" />
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="122" />
        <source>Shuren Xiaoqu — password</source>
        <translation>熟人小区——输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="124" />
        <source>The data is encrypted. Password:</source>
        <translation>数据已加密，请输入密码：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="148" />
        <source>Wrong password. Please try again.</source>
        <translation>密码不对，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="163" />
        <source>{count} wrong passwords in a row. Try again in {seconds} s.</source>
        <translation>连续 {count} 次密码不正确。请在 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="251" />
        <location filename="../../desktop/ui/password.py" line="264" />
        <location filename="../../desktop/ui/password.py" line="298" />
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="252" />
        <source>The data could not be encrypted now (another program may have it open, or the disk is full). It stays as it was; you are asked again at the next start.</source>
        <translation>现在无法加密数据（可能有别的程序正打开着它，或磁盘已满）。数据保持原样，下次打开软件时会再询问。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="265" />
        <source>The data is now encrypted. {count} older backups are not encrypted and can be read by anyone who copies them. Remove them for good now? (The encrypted data and its new backups are kept.)</source>
        <translation>数据已加密。另有 {count} 个未加密的备份，任何人复制后都能读取。现在彻底删除它们吗？（加密后的数据及其新备份会保留。）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="290" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="299" />
        <source>The password was changed. The data and its backups are now encrypted with the new one.</source>
        <translation>密码已修改。数据和备份现在都用新密码加密。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="322" />
        <source>The current password is wrong.</source>
        <translation>当前密码不对。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="324" />
        <source>A sync is running. Please change the password when it ends.</source>
        <translation>正在同步，请等同步结束后再修改密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/password.py" line="327" />
        <source>The data file could not be written; the password was not changed.</source>
        <translation>数据文件无法写入，密码没有修改。</translation>
    </message>
</context>
<context>
    <name>PatrolDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="35" />
        <source>Edit patrol</source>
        <translation>编辑巡查记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="34" />
        <source>New joint patrol</source>
        <translation>新建联合巡查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="48" />
        <source>e.g. 1栋 → 2栋 → underground car park → east gate</source>
        <translation>例如：1栋 → 2栋 → 地下车库 → 东门</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="52" />
        <source>Building leaders, property staff … separated by 、</source>
        <translation>楼栋长、物业人员……用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="58" />
        <source>What was found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="58" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="71" />
        <source>Add a finding</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="73" />
        <source>Remove the finding</source>
        <translation>删除所选问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="77" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="78" />
        <source>Route</source>
        <translation>巡查路线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="79" />
        <source>Who</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="80" />
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/patrol.py" line="81" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PatrolModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="59" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="60" />
        <source>Route</source>
        <translation>巡查路线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="62" />
        <source>Who</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="67" />
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="68" />
        <source>{count}, {registered} registered as needs</source>
        <translation>{count} 个，已登记需求 {registered} 个</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="24" />
        <source>Search name, phone or room (e.g. 张伟, 1380, 1203)</source>
        <translation>搜索姓名、电话或房号（如 张伟、1380、1203）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="33" />
        <source>All roles</source>
        <translation>全部身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="44" />
        <source>Party members and others</source>
        <translation>党员和群众</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="45" />
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="46" />
        <source>Not party members</source>
        <translation>非党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="37" />
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="28" />
        <source>There are no people in the roster yet. Click &quot;New&quot; to add the first one.</source>
        <translation>名册中还没有人员。点击“新建”添加第一位居民。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="53" />
        <source>unit {unit}</source>
        <translation>{unit}单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="58" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="60" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="64" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="65" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="67" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="70" />
        <source>Roles</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="75" />
        <source>Skills</source>
        <translation>特长技能</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="78" />
        <source>Four rights</source>
        <translation>四权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="82" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="27" />
        <source>{count} person(s) moved to the trash.</source>
        <translation>已将 {count} 人移入回收站。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="90" />
        <source>Move to trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="91" />
        <source>Some records had already been moved to the trash.</source>
        <translation>部分记录此前已被移入回收站。</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="20" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="21" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="22" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="23" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="24" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="26" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="30" />
        <source>Roles</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="27" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../desktop/ui/pages/periods.py" line="28" />
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/periods.py" line="15" />
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/periods.py" line="16" />
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/periods.py" line="17" />
        <source>This year</source>
        <translation>今年</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="38" />
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="37" />
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="56" />
        <source>Full name, e.g. 张伟</source>
        <translation>姓名，例如：张伟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="59" />
        <source>e.g. 13812345678 or 0755-12345678</source>
        <translation>例如：13812345678 或 0755-12345678</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="65" />
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="75" />
        <source>e.g. 1203</source>
        <translation>例如：1203</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="82" />
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="97" />
        <source>e.g. legal advice, plumbing</source>
        <translation>例如：法律咨询、水电维修</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="110" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="111" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="112" />
        <source>Building / unit / room</source>
        <translation>楼栋 / 单元 / 房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="114" />
        <source>Roles</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="115" />
        <source>Skills</source>
        <translation>特长技能</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="116" />
        <source>Four rights</source>
        <translation>四权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="117" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="136" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
</context>
<context>
    <name>Phones</name>
    <message>
        <location filename="../../desktop/ui/phones.py" line="47" />
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="41" />
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="58" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="60" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="61" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="62" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="63" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="75" />
        <source>{count} page(s)</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="106" />
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="118" />
        <source>The file could not be saved ({reason}). Choose another place.</source>
        <translation>文件没有保存成功（{reason}），请换一个位置。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="138" />
        <source>The printer could not be started. Check that it is on.</source>
        <translation>无法启动打印机，请检查打印机是否已打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="158" />
        <source>Preparing the document…</source>
        <translation>正在生成文档……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/print_preview.py" line="176" />
        <source>Some characters cannot be printed with the fonts on this computer and will be blank on paper; please write them in by hand:</source>
        <translation>有些字在本机字体中没有，打印出来会是空白，请在纸上手写补上：</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="137" />
        <source>Edit project</source>
        <translation>编辑项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="136" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="167" />
        <source>Required if terminated</source>
        <translation>终止时必填</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="187" />
        <location filename="../../desktop/ui/dialogs/project.py" line="188" />
        <location filename="../../desktop/ui/dialogs/project.py" line="189" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="193" />
        <source>(not rated)</source>
        <translation>（未评价）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="200" />
        <source>Link needs</source>
        <translation>关联需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="202" />
        <source>Link resources</source>
        <translation>关联资源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="208" />
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="209" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="210" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="212" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="214" />
        <source>Summary</source>
        <translation>项目简介</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="215" />
        <source>Budget (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="216" />
        <source>Spent (yuan)</source>
        <translation>已支出（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="220" />
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="222" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="223" />
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="224" />
        <source>Accepted on</source>
        <translation>验收日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="226" />
        <source>Acceptance note</source>
        <translation>验收意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="230" />
        <source>Residents who rated</source>
        <translation>参与评价人数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="236" />
        <source>Average rating (1–5)</source>
        <translation>平均评分（1–5）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="241" />
        <source>Residents&apos; comments</source>
        <translation>居民评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="247" />
        <source>Needs it answers</source>
        <translation>回应的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/project.py" line="248" />
        <source>Resources it uses</source>
        <translation>使用的资源</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="29" />
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="30" />
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="32" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="39" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="47" />
        <source>Budget (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="53" />
        <source>Spent (yuan)</source>
        <translation>已支出（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="59" />
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/projects.py" line="62" />
        <source>Resources</source>
        <translation>资源</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="35" />
        <source>Search project title</source>
        <translation>搜索项目名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="43" />
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="46" />
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="37" />
        <source>There are no projects yet. Click &quot;New&quot;, or choose a need and &quot;Create project&quot;.</source>
        <translation>还没有项目记录。点击“新建”，或在需求清单中选中一条需求后点“转为项目”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="57" />
        <source>{count} residents, average {average}</source>
        <translation>{count} 人评价，平均 {average} 分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="61" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="62" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="63" />
        <source>Budget (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="64" />
        <source>Spent (yuan)</source>
        <translation>已支出（元）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="66" />
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="67" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="68" />
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="69" />
        <source>Accepted on</source>
        <translation>验收日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="70" />
        <source>Acceptance note</source>
        <translation>验收意见</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="71" />
        <source>Residents&apos; rating</source>
        <translation>居民评分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="72" />
        <source>Residents&apos; comments</source>
        <translation>居民评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="73" />
        <source>Summary</source>
        <translation>项目简介</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="80" />
        <source>Needs it answers</source>
        <translation>回应的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="83" />
        <source>Resources it uses</source>
        <translation>使用的资源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="106" />
        <source>Project completed</source>
        <translation>项目已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="107" />
        <source>This project answers {count} need(s) that are still open. Mark them as resolved?</source>
        <translation>这个项目回应的需求中还有 {count} 条未办结。要把它们标记为“已解决”吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="115" />
        <source>Resolved by the project &quot;{title}&quot;</source>
        <translation>由项目“{title}”解决</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/projects.py" line="36" />
        <source>{count} project(s) moved to the trash.</source>
        <translation>已将 {count} 个项目移入回收站。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="74" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="77" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="79" />
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="81" />
        <source>Close without saving (Esc)</source>
        <translation>不保存，关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="198" />
        <location filename="../../desktop/ui/dialogs/form.py" line="370" />
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="244" />
        <source>This date cannot be earlier than {field}.</source>
        <translation>这个日期不能早于{field}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="309" />
        <source>This record was moved to the trash or deleted meanwhile, so it cannot be saved. What you typed is still here: restore the record from the trash and save again, or copy what you typed into a new record.</source>
        <translation>这条记录在此期间已被移入回收站或删除，无法保存。您填写的内容仍在窗口中：可以先到回收站恢复这条记录再保存，或把内容复制到一条新记录里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="332" />
        <source>Please check {fields}; if it is right, press Save again.</source>
        <translation>请核对{fields}；无误的话，再按一次“保存”即可保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="389" />
        <source>Not saved yet: please fill in {missing} and correct {wrong}.</source>
        <translation>还没有保存：请填写{missing}，并改正{wrong}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="393" />
        <source>Not saved yet: please fill in {fields}.</source>
        <translation>还没有保存：请填写{fields}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="397" />
        <source>Not saved yet: please correct {fields} (see the note under it).</source>
        <translation>还没有保存：请按下方红字改正{fields}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="415" />
        <source>Fields marked ＊ are required.</source>
        <translation>标 ＊ 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="427" />
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="428" />
        <source>You have changed this record. Close without saving?</source>
        <translation>这条记录有未保存的修改。不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../../desktop/ui/dialogs/picker.py" line="29" />
        <source>Search by title</source>
        <translation>按标题搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/picker.py" line="35" />
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/picker.py" line="35" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="45" />
        <source>Edit resource</source>
        <translation>编辑资源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="44" />
        <source>New resource</source>
        <translation>新建资源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="54" />
        <source>e.g. Community hall, weekends</source>
        <translation>例如：党群活动室（周末可用）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="66" />
        <source>e.g. 2 rooms, Saturday and Sunday 9:00–17:00</source>
        <translation>例如：2 间，周六日 9:00–17:00</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="71" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="73" />
        <source>Rest station for delivery riders (monthly service log)</source>
        <translation>骑手暖蜂驿站（按月登记服务）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="76" />
        <source>Resource</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="77" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="79" />
        <source>Offered by (kind)</source>
        <translation>提供方类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="81" />
        <source>Offered by</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="82" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="85" />
        <source>Quantity / availability</source>
        <translation>数量 / 可用时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="88" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="89" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="91" />
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="95" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/resource.py" line="100" />
        <source>Rest station</source>
        <translation>暖蜂驿站</translation>
    </message>
</context>
<context>
    <name>ResourceTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="24" />
        <source>Resource</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="26" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="33" />
        <source>Offered by (kind)</source>
        <translation>提供方类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="39" />
        <source>Offered by</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="42" />
        <source>Quantity / availability</source>
        <translation>数量 / 可用时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="47" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="58" />
        <source>Used by projects</source>
        <translation>使用项目数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/resources.py" line="52" />
        <location filename="../../desktop/ui/models/resources.py" line="73" />
        <source>{date} (expired)</source>
        <translation>{date}（已过期）</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="32" />
        <source>Search resource, provider or contact</source>
        <translation>搜索资源、提供方或联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="39" />
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="43" />
        <source>All providers</source>
        <translation>全部提供方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="48" />
        <source>Still valid only</source>
        <translation>只看有效期内</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="34" />
        <source>There are no resources yet. Click &quot;New&quot; or import them from Excel.</source>
        <translation>还没有资源记录。点击“新建”或从 Excel 导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="55" />
        <source> (expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="57" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="58" />
        <source>Offered by</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="59" />
        <source>Offered by (kind)</source>
        <translation>提供方类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="60" />
        <source>Quantity / availability</source>
        <translation>数量 / 可用时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="61" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="62" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="63" />
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="64" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="65" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="69" />
        <source>Projects using it</source>
        <translation>使用这项资源的项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/resources.py" line="33" />
        <source>{count} resource(s) moved to the trash.</source>
        <translation>已将 {count} 项资源移入回收站。</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <location filename="../../desktop/ui/restore.py" line="34" />
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="35" />
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="36" />
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="37" />
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="38" />
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="39" />
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="45" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="46" />
        <source>{list} {count}</source>
        <translation>{list} {count} 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="56" />
        <source>the backup of {when} ({counts})</source>
        <translation>{when} 的备份（{counts}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="66" />
        <source>current</source>
        <translation>当前版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="67" />
        <source>older: upgraded after restoring</source>
        <translation>较旧，恢复后自动升级</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="68" />
        <source>newer version: cannot be restored</source>
        <translation>较新版本，不能恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="70" />
        <source>{revision} ({note})</source>
        <translation>{revision}（{note}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="77" />
        <source>The check at start-up found the data file damaged: some records may not be readable.

Nothing was overwritten: the damaged file was not backed up and will not be uploaded to the street office, and every earlier backup is still there. So that the damage does not spread, records can be viewed but not changed for now.</source>
        <translation>启动时的检查发现数据文件已损坏，部分记录可能无法读取。

没有覆盖任何文件：这个损坏的文件没有被备份，也不会上传到街道办，以前的备份都还在。为免损坏扩大，现在只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="85" />
        <source>The data file is damaged and cannot be opened.

Nothing was overwritten: the damaged file was not backed up or upgraded, and every earlier backup is still there.</source>
        <translation>数据文件已损坏，无法打开。

没有覆盖任何文件：这个损坏的文件没有被备份或升级，以前的备份都还在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="92" />
        <source>No sound backup was found. Do not delete anything in the data folder; ask the street office for help (they keep the copy of your last sync).</source>
        <translation>没有找到完好的备份。请不要删除数据文件夹中的任何文件，并请街道办帮助恢复（街道办保存着您上次同步的副本）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="98" />
        <source>Restoring the newest sound backup is advised: {backup}. The damaged file is first kept in the &quot;damaged-files&quot; folder of the data folder, never deleted. What was entered after that backup will have to be entered again.</source>
        <translation>建议恢复最近一份完好的备份：{backup}。恢复前，损坏的文件会先保存到数据文件夹中的“damaged-files”文件夹，不会删除。这份备份之后录入的内容需要重新录入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="113" />
        <source>The data file is damaged</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="122" />
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="124" />
        <source>Restore this backup and open</source>
        <translation>恢复这份备份并打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="128" />
        <source>Later (view only)</source>
        <translation>稍后（只查看）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="128" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="138" />
        <source>Replace the current data with {backup}?

What was entered or changed after that backup will be replaced.</source>
        <translation>用{backup}替换现在的数据吗？

这份备份之后录入或修改的内容会被替换。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="144" />
        <source>The current, damaged data file is first kept in the &quot;damaged-files&quot; folder of the data folder; it is never deleted.</source>
        <translation>现在这个已损坏的数据文件会先保存到数据文件夹中的“damaged-files”文件夹，不会删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="150" />
        <source>The current data is not lost: it is first kept as a backup of its own, which you can restore the same way.</source>
        <translation>现在的数据不会丢失：恢复前会先把它另存为一份备份，需要时可以用同样的方法恢复回来。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="156" />
        <source>This backup was made by an older version; it is upgraded after restoring.</source>
        <translation>这份备份来自较早的版本，恢复后会自动升级。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="160" />
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="162" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="163" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="170" />
        <source>Restored {backup}.</source>
        <translation>已恢复{backup}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="174" />
        <source>The damaged data file was kept as {name} in the &quot;damaged-files&quot; folder.</source>
        <translation>损坏的数据文件已保存为“damaged-files”文件夹中的 {name}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="178" />
        <source>The data it replaced was kept as a backup of its own.</source>
        <translation>被替换的数据已另存为一份备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="184" />
        <source>This backup was made by a newer version of Shuren Xiaoqu and cannot be restored here. Nothing was changed.</source>
        <translation>这份备份来自更新版本的熟人小区，在这里不能恢复。数据没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="190" />
        <source>This backup is damaged and cannot be restored. Nothing was changed.</source>
        <translation>这份备份已损坏，不能恢复。数据没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="193" />
        <source>The restore did not finish. The data as it was before is kept; close Shuren Xiaoqu, open it again and try once more. If it happens again, ask the street office for help.</source>
        <translation>恢复没有完成。原来的数据仍然保留着；请关闭熟人小区，重新打开后再试一次。如果仍然不行，请街道办帮忙。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="218" />
        <source>Restoring the backup…</source>
        <translation>正在恢复备份……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="229" />
        <location filename="../../desktop/ui/restore.py" line="298" />
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="235" />
        <source>Not restored</source>
        <translation>没有恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="291" />
        <source>Restored the street office&apos;s version {version} of this branch&apos;s data.</source>
        <translation>已从街道办恢复第 {version} 版数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore.py" line="295" />
        <source>The data it replaced is kept as {name}.</source>
        <translation>原来的数据已保存为 {name}。</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <location filename="../../desktop/ui/retention.py" line="48" />
        <source>Clear old phone numbers and rooms</source>
        <translation>清除旧的电话和房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="51" />
        <source>The phone numbers and rooms of {needs} need(s) and {visits} visit(s) closed before {cutoff} will be cleared. The records themselves stay. This cannot be undone.</source>
        <translation>将清除 {cutoff} 之前结束的 {needs} 条需求、{visits} 条走访记录中的电话和房号。记录本身保留。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="64" />
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="65" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="66" />
        <source>Closed on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="70" />
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="71" />
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="84" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="87" />
        <source>Clear them, cannot be undone</source>
        <translation>清除（无法撤销）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="105" />
        <source>Keeping contact details</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="110" />
        <source>Keep them (off)</source>
        <translation>不清除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="112" />
        <source>{years} year(s)</source>
        <translation>{years} 年</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="115" />
        <source>Preview and clear…</source>
        <translation>预览并清除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="124" />
        <source>Clear phone and room after</source>
        <translation>电话和房号保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="126" />
        <source>For needs and visits closed longer ago than this, the phone number and room can be cleared; titles, dates and what was done stay. Nothing is cleared without a preview and your confirmation.</source>
        <translation>结束已超过这段时间的需求和走访，可以清除其中的电话和房号；标题、日期和办理情况都保留。不经预览和您的确认，不会清除任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="153" />
        <source>Looking for old records…</source>
        <translation>正在查找过期记录……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="164" />
        <source>The records could not be read. Try again later.</source>
        <translation>无法读取记录，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="172" />
        <source>No closed need or visit older than that holds a phone or room.</source>
        <translation>没有超过期限、仍留有电话或房号的已结束需求或走访。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="184" />
        <source>Clearing…</source>
        <translation>正在清除……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/retention.py" line="191" />
        <source>Cleared the phone numbers and rooms of {needs} need(s) and {visits} visit(s).</source>
        <translation>已清除 {needs} 条需求、{visits} 条走访记录中的电话和房号。</translation>
    </message>
</context>
<context>
    <name>RightUseDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="93" />
        <source>Use of a right</source>
        <translation>四权行使</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="106" />
        <source>What was done, e.g. scored the property company&apos;s service</source>
        <translation>做了什么，例如：参与物业服务季度评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="108" />
        <source>Right</source>
        <translation>权利</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="109" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="110" />
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/talent_record.py" line="111" />
        <source>What was done</source>
        <translation>活动内容</translation>
    </message>
</context>
<context>
    <name>RightUseModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="282" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="284" />
        <source>Right</source>
        <translation>权利</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="287" />
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="289" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/ui/pages/roster.py" line="17" />
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster.py" line="18" />
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster.py" line="22" />
        <source>Neighborhood and buildings</source>
        <translation>小区与楼栋</translation>
    </message>
</context>
<context>
    <name>SelfOrganizationModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="110" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="113" />
        <source>Incubated on</source>
        <translation>孵化日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="116" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="119" />
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="123" />
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
</context>
<context>
    <name>SelfOrganizationsTab</name>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="38" />
        <source>Self-organizations</source>
        <translation>自组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="40" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="41" />
        <location filename="../../desktop/ui/pages/federation_groups.py" line="46" />
        <location filename="../../desktop/ui/pages/federation_groups.py" line="53" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="44" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="45" />
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="47" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="50" />
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="52" />
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="55" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="70" />
        <source>No self-organizations yet. Click &quot;New&quot; to add one the branch incubated.</source>
        <translation>还没有自组织。点击“新建”登记支部孵化的自组织。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="83" />
        <source>No members recorded.</source>
        <translation>还没有登记成员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="87" />
        <source>No activities recorded.</source>
        <translation>还没有登记活动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="124" />
        <source>Remove {name} from {group}?</source>
        <translation>将{name}从“{group}”中移除吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="128" />
        <source>Remove member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="151" />
        <source>Move the activity of {date} to the trash? You can restore it from the Trash page.</source>
        <translation>将{date}的活动移到回收站吗？可以在“回收站”页面恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="156" />
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="54" />
        <source>No backup yet</source>
        <translation>尚未备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="55" />
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="64" />
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="69" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="70" />
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="71" />
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="84" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="93" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="97" />
        <source>A new language applies the next time the app opens.</source>
        <translation>更换语言后，下次打开软件时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="105" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="109" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="111" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="112" />
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="116" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="121" />
        <source>View audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="129" />
        <source>About Shuren Xiaoqu</source>
        <translation>关于熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="139" />
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="150" />
        <source>Lock when idle</source>
        <translation>无操作多久后锁定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="152" />
        <source>With no typing or clicking for this long, the window is locked and asks for the data file&apos;s password (Ctrl+L locks it at once). A data file with no password is never locked.</source>
        <translation>这段时间内没有任何键盘或鼠标操作，窗口就会锁定，需输入数据文件的密码才能继续（按 Ctrl+L 可立即锁定）。没有设置密码的数据文件不会锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="162" />
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="169" />
        <source>Restore data</source>
        <translation>恢复数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="173" />
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="174" />
        <source>Schema revision</source>
        <translation>数据版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="176" />
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="188" />
        <source>Restore the chosen backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="192" />
        <source>Restore from the street office…</source>
        <translation>从街道办恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="219" />
        <source>Checking the backups…</source>
        <translation>正在检查备份……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="230" />
        <source>The backups folder could not be read.</source>
        <translation>无法读取备份文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="236" />
        <source>Checking the backups… ({done} of {total})</source>
        <translation>正在检查备份……（第 {done} 份，共 {total} 份）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="264" />
        <source>Sound</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="266" />
        <source>Damaged: cannot be restored</source>
        <translation>已损坏，不能恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="273" />
        <source>{count} backup(s), newest first. A copy is made once a day and before each upgrade; the newest ten are kept, and the newest sound one before them.</source>
        <translation>共 {count} 份备份，最新的在最上面。每天第一次打开软件时和每次升级前各备份一次；保留最新的 10 份，另外再保留一份更早的完好备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="284" />
        <source>No backup yet. A copy is made when the app first opens each day, or press Back up now.</source>
        <translation>还没有备份。每天第一次打开软件时会自动备份，也可以点击“立即备份”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="331" />
        <source>Text size is now {size}, in every window.</source>
        <translation>文字大小已改为“{size}”，所有窗口立即生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="341" />
        <source>Backing up…</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="353" />
        <source>No backup was made: the data file is damaged, and a copy of it would be of no use. Restore a sound backup below.</source>
        <translation>没有备份：数据文件已损坏，备份它没有用处。请在下面恢复一份完好的备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="361" />
        <source>The backup failed. Check that the disk has free space, then try again.</source>
        <translation>备份失败。请检查磁盘是否还有空间，然后再试一次。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/ui/session.py" line="52" />
        <location filename="../../desktop/ui/session.py" line="67" />
        <location filename="../../desktop/ui/session.py" line="165" />
        <location filename="../../desktop/ui/session.py" line="305" />
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="182" />
        <source>Cannot use the data folder {path} ({reason}). Choose a folder you can write to and start again.</source>
        <translation>无法使用数据文件夹 {path}（{reason}）。请换一个可以写入的文件夹后重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="210" />
        <source>Cannot write in the data folder {path}: the disk may be full or read-only. Free some disk space or choose a folder you can write to, then start again.</source>
        <translation>无法在数据文件夹 {path} 中写入：磁盘可能已满或是只读的。请腾出磁盘空间，或换一个可以写入的文件夹，然后重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="219" />
        <source>Shuren Xiaoqu is already open with this data folder. Switch to the open window (look in the taskbar).</source>
        <translation>熟人小区已经打开了这个数据文件夹。请切换到已打开的窗口（可在任务栏中找到）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="239" />
        <source>This data was saved by a newer version of Shuren Xiaoqu (revision {revision}). Please install the newer version to open it; nothing was changed.</source>
        <translation>这份数据由更新版本的熟人小区保存（版本 {revision}）。请安装新版本后再打开；数据没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="294" />
        <source>Shuren Xiaoqu — demo neighborhood</source>
        <translation>熟人小区 — 演示小区（虚构数据）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="306" />
        <source>The data folder is on a network drive. Records can be damaged there; please move it to this computer&apos;s own disk.</source>
        <translation>数据文件夹位于网络驱动器上，记录可能因此损坏。请把它移到本机硬盘上。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="328" />
        <source>Checking the data file and the backups…</source>
        <translation>正在检查数据文件和备份……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="331" />
        <source>The data file could not be opened. Close any other program that may be using it and start again; if it keeps happening, ask the street office for help.</source>
        <translation>无法打开数据文件。请关闭可能正在使用它的其他程序后重新打开；如果一直这样，请街道办帮忙。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="344" />
        <source>Restoring the backup…</source>
        <translation>正在恢复备份……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="359" />
        <source>Creating the demo neighborhood…</source>
        <translation>正在生成演示小区……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="373" />
        <source>The demo neighborhood could not be created.</source>
        <translation>演示小区生成失败。</translation>
    </message>
</context>
<context>
    <name>StationModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="182" />
        <source>Rest station</source>
        <translation>暖蜂驿站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="185" />
        <source>Offered by</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="188" />
        <source>Months logged</source>
        <translation>已登记月数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="191" />
        <source>Riders served</source>
        <translation>服务骑手人次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="195" />
        <source>Last month</source>
        <translation>最近月份</translation>
    </message>
</context>
<context>
    <name>StationMonthDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/station_service.py" line="26" />
        <source>Monthly service log: {station}</source>
        <translation>月度服务登记：{station}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/station_service.py" line="34" />
        <source> riders</source>
        <translation> 人次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/station_service.py" line="37" />
        <source>e.g. hot water, phone charging, rest, first aid</source>
        <translation>例如：热水、充电、休息、应急药箱</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/station_service.py" line="40" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/station_service.py" line="43" />
        <source>Riders served</source>
        <translation>服务骑手人次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/station_service.py" line="48" />
        <source>Services</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/station_service.py" line="49" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>StationMonthModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="209" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="212" />
        <source>Riders served</source>
        <translation>服务骑手人次</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="216" />
        <source>Services</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="220" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="167" />
        <source>Rest stations for delivery riders</source>
        <translation>骑手暖蜂驿站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="170" />
        <source>Monthly service log</source>
        <translation>月度服务台账</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="171" />
        <source>Log a month</source>
        <translation>登记月度服务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="172" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="173" />
        <location filename="../../desktop/ui/pages/federation_groups.py" line="221" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="183" />
        <source>No rest stations yet. In the Resources list, create or edit a resource and tick &quot;Rest station&quot;.</source>
        <translation>还没有暖蜂驿站。请在“资源清单”中新建或编辑资源，勾选“暖蜂驿站”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="195" />
        <source>No months logged yet.</source>
        <translation>还没有登记月度服务。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_groups.py" line="217" />
        <source>Delete the log of {month}?</source>
        <translation>删除{month}的服务登记吗？</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="79" />
        <source>Against {baseline}: {change}</source>
        <translation>较{baseline}：{change}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="87" />
        <source>This chart counts the needs registered in {period} by the status they have now: {resolved_label} {resolved} of them are resolved. The card {solved_title} ({solved}) counts every need marked resolved in {period}, whenever it was registered. To report the problems solved to the street office, use {solved_title}.</source>
        <translation>本图按{period}登记的需求现在的状态计数，其中“{resolved_label}”{resolved} 条。上方“{solved_title}”（{solved}）另算：{period}内改为已解决的需求都算，不论何时登记。向街道办报告解决问题的数量，请用“{solved_title}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="153" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="154" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="158" />
        <source>The period the property disputes of the chosen period are compared with</source>
        <translation>本期的物业矛盾与哪一期比较</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="163" />
        <location filename="../../desktop/ui/pages/statistics.py" line="427" />
        <location filename="../../desktop/ui/pages/statistics.py" line="464" />
        <source>Export the figures to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="177" />
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="182" />
        <source>Property disputes compared with</source>
        <translation>物业矛盾对比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="291" />
        <source>Previous period ({period})</source>
        <translation>上一期（{period}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="298" />
        <source>Same quarter last year ({period})</source>
        <translation>上年同期（{period}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="335" />
        <source>Counting…</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="362" />
        <source>Needs by category, {period}</source>
        <translation>需求按类别 · {period}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="367" />
        <source>Needs registered in {period}, by status now ({count} in all)</source>
        <translation>{period}登记的需求 · 现在的状态（共 {count} 条）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="377" />
        <source>Quarter by quarter, {year}</source>
        <translation>{year}各季度走势</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="383" />
        <source>Figures for {period}. Click a figure or a bar to see the records behind it.</source>
        <translation>以下是{period}的数据。点击一个数字或一根柱子，可查看它所依据的记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="400" />
        <source>Needs of category {name}</source>
        <translation>{name}类需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="402" />
        <source>Needs with status {name}</source>
        <translation>状态为“{name}”的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="422" />
        <source>Figures {period}</source>
        <translation>统计数据 {period}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="429" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="449" />
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/statistics.py" line="457" />
        <source>The file &quot;{path}&quot; could not be written. If it is open in Excel, close it and export again; or choose another folder.</source>
        <translation>无法写入文件“{path}”。如果它正在 Excel 中打开，请先关闭再导出；或换一个保存位置。</translation>
    </message>
</context>
<context>
    <name>StreetRestore</name>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="51" />
        <source>Restore from the street office</source>
        <translation>从街道办恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="55" />
        <source>The street office keeps a copy of this branch&apos;s data from its last sync. It is fetched and checked, then takes the place of the data on this PC; what is here now is first saved as a backup.</source>
        <translation>街道办保存着本支部最近一次同步上传的数据。将从街道办取回并核对这份数据，然后用它替换本机的数据；本机现有的数据会先备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="67" />
        <source>for example https://street.example.cn:8765</source>
        <translation>例如 https://street.example.cn:8765</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="71" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="77" />
        <source>the token the street office gave you</source>
        <translation>街道办给的令牌</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="81" />
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="84" />
        <source>none (usually left empty)</source>
        <translation>不需要（一般留空）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="85" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="90" />
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="100" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="103" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="123" />
        <source>Certificate file from the street office</source>
        <translation>街道办给的证书文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="125" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="158" />
        <source>Fetching the branch&apos;s copy from the street office…</source>
        <translation>正在从街道办取回本支部的数据……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="196" />
        <source>Cancelled. Nothing on this PC was changed; what was fetched is kept and the next try carries on from there.</source>
        <translation>已取消。本机的数据没有改动；已下载的部分会保留，下次接着下载。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="204" />
        <source>The street office&apos;s copy was written by a newer version of Shuren Xiaoqu. Update this program first, then restore again.</source>
        <translation>街道办保存的数据由更新版本的熟人小区写入。请先升级本软件，再恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/street_restore.py" line="216" />
        <source>The restore stopped because of an unexpected problem. The data on this PC is either as it was or the street office&apos;s copy, never a mix; the details are in the log file of the data folder.</source>
        <translation>恢复因意外问题中断。本机的数据要么保持原样，要么已是街道办的那一份，不会混杂；详细情况记录在数据文件夹的日志文件中。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="43" />
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="44" />
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="45" />
        <source>Needs</source>
        <translation>需求清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="46" />
        <source>Resources</source>
        <translation>资源清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="47" />
        <source>Projects</source>
        <translation>项目清单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="48" />
        <source>Visits</source>
        <translation>接待走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="49" />
        <source>Meetings</source>
        <translation>协商议事</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="50" />
        <source>Compacts</source>
        <translation>邻里公约</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="57" />
        <source>• {list}: from {old} records to {new}</source>
        <translation>• {list}：从 {old} 条减少到 {new} 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="69" />
        <source>Far fewer records</source>
        <translation>记录少了很多</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="70" />
        <source>Compared with the copy the street office last received, these lists have far fewer records:

{lines}

If records were deleted by mistake, do not upload: restore them from the Trash first. Upload only if they were deleted on purpose.</source>
        <translation>与街道办上次收到的数据相比，下面这些清单的记录少了很多：

{lines}

如果是误删的，请不要上传，先到“回收站”把记录恢复。只有确实是有意删除的，才上传。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="79" />
        <location filename="../../desktop/ui/pages/sync.py" line="407" />
        <source>Confirm and upload</source>
        <translation>确认并上传</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="81" />
        <source>Do not upload</source>
        <translation>不上传</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="106" />
        <source>Sync sends this branch&apos;s records to the street office, so that it can see the work of every neighborhood. Only what changed is sent, and it is sent by itself once the connection below is set up.</source>
        <translation>同步会把本支部的记录上传到街道办，方便街道办了解各小区的工作。每次只传改动的部分；设置好下面的连接后，会自动上传。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="129" />
        <source>Connection to the street office</source>
        <translation>连接街道办</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="145" />
        <source>for example https://street.example.cn:8765</source>
        <translation>例如 https://street.example.cn:8765</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="151" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="158" />
        <source>the token the street office gave you</source>
        <translation>街道办给的令牌</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="160" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="170" />
        <source>The token is kept in a private file on this computer. It is not part of the data that is uploaded.</source>
        <translation>令牌保存在这台电脑上的一个私密文件里，不在上传的数据之中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="181" />
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="186" />
        <source>none (usually left empty)</source>
        <translation>不需要（一般留空）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="187" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="189" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="199" />
        <source>Needed only if the street office gave you a certificate file.</source>
        <translation>只有街道办给了证书文件时才需要选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="204" />
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="209" />
        <source>Sync automatically (every 30 minutes, and when the network comes back)</source>
        <translation>自动同步（每 30 分钟一次，网络恢复时也会同步）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="217" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="219" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="280" />
        <source>Certificate file from the street office</source>
        <translation>街道办给的证书文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="282" />
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="334" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="337" />
        <source>Saved. Sync starts once both the server address and the token are filled in.</source>
        <translation>已保存。服务器地址和令牌都填好后才会开始同步。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="348" />
        <source>The settings were not saved. Check that the data folder can be written to, then try again.</source>
        <translation>设置没有保存成功。请检查数据文件夹能否写入，然后再试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="361" />
        <source>Fill in the server address and the token first.</source>
        <translation>请先填写服务器地址和令牌。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="364" />
        <source>Connecting to the street office…</source>
        <translation>正在连接街道办……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="375" />
        <source>Connected: the street office has this branch registered as {name}</source>
        <translation>连接成功：街道办登记的支部为 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="379" />
        <source> (not saved yet: press Save)</source>
        <translation>（尚未保存，请点“保存”）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="390" />
        <source>Sync</source>
        <translation>同步情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="396" />
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="397" />
        <source>Changes waiting to upload</source>
        <translation>待上传的改动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="398" />
        <source>Last error</source>
        <translation>上次错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="399" />
        <source>Next automatic sync</source>
        <translation>下次自动同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="416" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="422" />
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="163" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="439" />
        <source>never</source>
        <translation>还没有成功同步过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="444" />
        <source>Not uploaded yet: waiting for you to confirm (see below)</source>
        <translation>暂未上传：等您确认（见下方）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="448" />
        <source>Not uploaded: another PC updated the street office&apos;s copy</source>
        <translation>未上传：另一台电脑更新了街道办的数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="451" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="458" />
        <source>Not uploaded: these lists have far fewer records than the copy the street office last received.
{lines}
If records were deleted by mistake, restore them from the Trash and press Sync now. If they were deleted on purpose, confirm.</source>
        <translation>暂未上传：下面这些清单的记录比街道办上次收到的少了很多。
{lines}
如果是误删的，请到“回收站”恢复后点“立即同步”；如果确实是有意删除的，请点“确认并上传”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="472" />
        <source>Fill in the server address and the token, then save.</source>
        <translation>请先填写服务器地址和令牌，并点“保存”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="482" />
        <source>{sent} of {total} sent</source>
        <translation>已上传 {sent} / {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="489" />
        <source>Preparing…</source>
        <translation>正在准备……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="501" />
        <source>being worked out…</source>
        <translation>正在计算……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="503" />
        <source>none: the street office has everything</source>
        <translation>没有，街道办的数据已是最新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="508" />
        <source>not set up: fill in the connection above and save</source>
        <translation>未设置：请填写上面的连接信息并保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="510" />
        <source>automatic sync is off</source>
        <translation>自动同步已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="514" />
        <source>paused until you confirm below</source>
        <translation>已暂停：等您在下方确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="516" />
        <source>paused until you choose above</source>
        <translation>已暂停，请在上方选择处理方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="518" />
        <source>paused: once the last error is dealt with, press Sync now</source>
        <translation>已暂停：处理好上次错误后，请点“立即同步”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="530" />
        <source>Cancelled. What was sent is kept; the next sync carries on from there.</source>
        <translation>已取消。已上传的部分会保留，下次同步接着传。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="536" />
        <source>Done: the street office already had everything.</source>
        <translation>同步完成：街道办的数据已是最新，无需上传。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync.py" line="537" />
        <source>Done: {size} sent, the street office now has version {version}.</source>
        <translation>同步完成：上传了 {size}，街道办现在是第 {version} 版。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="30" />
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="158" />
        <source>Another PC updated the street office&apos;s copy</source>
        <translation>另一台电脑更新了街道办的数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="40" />
        <source>Show what differs</source>
        <translation>查看两边的差别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="50" />
        <source>Use the street office&apos;s data</source>
        <translation>以街道办的数据为准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="52" />
        <source>Use this PC&apos;s data</source>
        <translation>以本机为准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="54" />
        <source>Merge the two</source>
        <translation>合并两份数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="104" />
        <source>Fetching the street office&apos;s copy and comparing…</source>
        <translation>正在取回街道办的数据并比较……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="124" />
        <source>The two copies could not be compared. {reason}</source>
        <translation>暂时无法比较两份数据。{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="135" />
        <source>This PC&apos;s data will be replaced by the street office&apos;s copy. What was recorded only on this PC will no longer show here; it is first saved as a backup in the data folder (backups), and can be restored from Settings.

Use the street office&apos;s data?</source>
        <translation>本机的数据将换成街道办保存的那一份。只在本机登记的内容将不再显示；替换前会先备份到数据文件夹的 backups 中，可在“设置”里恢复。

以街道办的数据为准吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="142" />
        <source>This PC&apos;s data will be uploaded as the branch&apos;s data. What the other PC recorded will no longer be in the current copy at the street office (it stays there as an older version).

Use this PC&apos;s data?</source>
        <translation>本机的数据将作为本支部的数据上传。另一台电脑登记的内容将不在街道办的当前版本中（仍作为旧版本保存在街道办）。

以本机为准吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="148" />
        <source>The records of both copies will be joined: a record found in only one copy is added; a record changed on both keeps the later change, and the other change is kept in the merge record. This PC&apos;s data is first saved as a backup.

Merge the two copies?</source>
        <translation>两份数据的记录将合在一起：只在一边有的记录会加进来；两边都改过的记录保留较晚的修改，另一份修改存入合并记录。合并前会先备份本机的数据。

合并两份数据吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="162" />
        <source>Go ahead</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="168" />
        <source>Working… please wait.</source>
        <translation>正在处理，请稍候……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="177" />
        <source>Done: this PC now has the street office&apos;s version {version}.</source>
        <translation>完成：本机已换成街道办的第 {version} 版数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="184" />
        <source>Done: merged and uploaded as version {version}.</source>
        <translation>完成：已合并并上传，街道办保存为第 {version} 版。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="190" />
        <source>Done: this PC&apos;s data was uploaded as version {version}.</source>
        <translation>完成：已以本机数据为准上传，街道办保存为第 {version} 版。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/sync_diverged.py" line="195" />
        <source>The data as it was is kept in {file}.</source>
        <translation>原来的数据已备份为 {file}。</translation>
    </message>
</context>
<context>
    <name>SyncScheduler</name>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="238" />
        <source>The data was changed while this was being done, so nothing was replaced. Please try again.</source>
        <translation>处理期间数据有了改动，为免丢失，这次没有替换。请再试一次。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="328" />
        <source>The sync settings could not be read. Open the Sync page and save them again.</source>
        <translation>读不出同步设置。请打开“同步”页重新填写并保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="502" />
        <source>The sync stopped because of an unexpected problem. It will be tried again later; if this keeps happening, tell the street office and send them the log file from the data folder.</source>
        <translation>同步因意外问题中断，稍后会自动再试。如果一直这样，请告诉街道办，并把数据文件夹里的日志文件发给他们。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="511" />
        <source>Nothing was uploaded: the data file is damaged. Restore a sound backup (Settings, Restore from a backup); sync starts again once the file passes its check.</source>
        <translation>没有上传：数据文件已损坏。请恢复一份完好的备份（“设置”→“从备份恢复”）；数据文件通过检查后会重新开始同步。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="529" />
        <source>less than 1 KB</source>
        <translation>不到 1 KB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="531" />
        <source>about {size} KB</source>
        <translation>约 {size} KB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="532" />
        <source>about {size} MB</source>
        <translation>约 {size} MB</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="546" />
        <source>Syncing… {percent}%</source>
        <translation>同步中…… {percent}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="549" />
        <source>Syncing…</source>
        <translation>同步中……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="551" />
        <source>Sync not set up</source>
        <translation>未设置同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="553" />
        <source>Sync paused: the data file is damaged</source>
        <translation>同步已暂停：数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="555" />
        <source>Sync paused: many records are gone, please confirm</source>
        <translation>同步暂停：记录少了很多，请确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="557" />
        <source>Sync paused: another PC updated the street copy</source>
        <translation>同步暂停：另一台电脑更新了街道办的数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="559" />
        <source>Sync failed: {reason}</source>
        <translation>同步失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="563" />
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="564" />
        <source>Synced {when}</source>
        <translation>已同步 {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync_scheduler.py" line="568" />
        <source> · {size} to upload</source>
        <translation> · 待上传 {size}</translation>
    </message>
</context>
<context>
    <name>TalentModel</name>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="234" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="236" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="239" />
        <source>Discovered on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/federation.py" line="242" />
        <source>Cultivation</source>
        <translation>培养情况</translation>
    </message>
</context>
<context>
    <name>TalentsTab</name>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="30" />
        <source>Talented residents</source>
        <translation>贤达能人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="32" />
        <source>Discovered on…</source>
        <translation>发现日期…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="36" />
        <source>Cultivation</source>
        <translation>培养情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="37" />
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="38" />
        <location filename="../../desktop/ui/pages/federation_talents.py" line="42" />
        <location filename="../../desktop/ui/pages/federation_talents.py" line="198" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="39" />
        <source>Use of the four rights</source>
        <translation>四权行使</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="40" />
        <source>Record by hand</source>
        <translation>手工登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="49" />
        <source>Read from the records: present as a talented resident at a finalized meeting = deliberation; initiator of a project = suggestion; organizer or implementer = supervision. Evaluations and anything else are recorded by hand.</source>
        <translation>自动取自记录：以贤达能人身份出席已定稿的会议 = 议事权；项目发起人 = 建议权；项目组织者或实施者 = 监督权。参与评价及其他情况请手工登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="97" />
        <source>The uses from meetings and projects could not be read. Close and open this page again; if it persists, restart the app.</source>
        <translation>未能读取会议和项目中的四权行使记录。请重新打开本页面；如仍有问题，请重新启动软件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="117" />
        <source>No talented residents yet. Give a resident the role &quot;Talented resident&quot; under People and organizations.</source>
        <translation>还没有贤达能人。请在“人员与组织”中为居民勾选“贤达能人”角色。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="134" />
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="136" />
        <source>{name} — discovered: {date}; rights used: {counts}</source>
        <translation>{name} — 发现日期：{date}；四权行使：{counts}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="142" />
        <source>No cultivation recorded.</source>
        <translation>还没有登记培养情况。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="146" />
        <source>No use of the four rights recorded.</source>
        <translation>还没有四权行使记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="178" />
        <source>Delete this cultivation record?</source>
        <translation>删除这条培养记录吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/federation_talents.py" line="193" />
        <source>Delete this record of a right used?</source>
        <translation>删除这条四权行使记录吗？</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="23" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="24" />
        <source>Delete permanently…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="29" />
        <source>Deleted records wait here. Restore puts them back in their list; deleting permanently cannot be undone.</source>
        <translation>删除的记录暂存在这里。“恢复”会把记录放回原来的清单；“彻底删除”后无法找回。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="75" />
        <source>{count} record(s) restored.</source>
        <translation>已恢复 {count} 条记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="86" />
        <source>Delete permanently</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="87" />
        <source>Permanently delete {count} record(s)? This cannot be undone.</source>
        <translation>彻底删除 {count} 条记录？删除后无法找回。</translation>
    </message>
</context>
<context>
    <name>TrashTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="14" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="15" />
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="16" />
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="17" />
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="18" />
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="19" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="20" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="21" />
        <source>Compact</source>
        <translation>公约</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="22" />
        <source>Joint patrol</source>
        <translation>联合巡查</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="23" />
        <source>Self-organization activity</source>
        <translation>自组织活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="26" />
        <source>Partner agreement</source>
        <translation>共建协议</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="27" />
        <source>Partner activity</source>
        <translation>共建活动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="28" />
        <source>Evaluation</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="39" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="42" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="45" />
        <source>Deleted on</source>
        <translation>删除日期</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="37" />
        <source>Edit visit</source>
        <translation>编辑接待走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="36" />
        <source>New visit</source>
        <translation>新建接待走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="70" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="70" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="79" />
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="85" />
        <source>(not referred)</source>
        <translation>（未转办）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="89" />
        <source>Set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="91" />
        <source>Once filled in, follow-up done</source>
        <translation>填写后，这次回访即算完成，不再列在首页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="93" />
        <source>(not rated)</source>
        <translation>（未评价）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="99" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="100" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="101" />
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="102" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="103" />
        <source>Building / unit / room</source>
        <translation>楼栋 / 单元 / 房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="104" />
        <source>What was raised</source>
        <translation>反映的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="105" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="106" />
        <source>How it was handled</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="107" />
        <source>Referred to</source>
        <translation>转交</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="110" />
        <source>Follow up on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="114" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/visit.py" line="115" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="26" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="29" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="34" />
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="35" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="37" />
        <source>What was raised</source>
        <translation>反映的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="40" />
        <source>Follow up on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="51" />
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="45" />
        <location filename="../../desktop/ui/models/visits.py" line="78" />
        <source>{date} (not done)</source>
        <translation>{date}（未回访）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="52" />
        <location filename="../../desktop/ui/models/visits.py" line="53" />
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visits.py" line="76" />
        <source>{date} (done)</source>
        <translation>{date}（已回访）</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="35" />
        <source>Search resident, phone, address or issue</source>
        <translation>搜索居民、电话、住址或问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="48" />
        <source>Register as need</source>
        <translation>登记为需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="43" />
        <source>All visits</source>
        <translation>全部走访</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="37" />
        <source>No visits recorded yet. Click &quot;New&quot; after a reception day or a door-knocking round.</source>
        <translation>还没有接待走访记录。书记接待日或敲门行动之后，点击“新建”登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="60" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="61" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="62" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="64" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="67" />
        <source>What was raised</source>
        <translation>反映的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="68" />
        <source>How it was handled</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="70" />
        <source>Referred to</source>
        <translation>转交</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="73" />
        <source>Follow up on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="74" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="76" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="87" />
        <source>The need it became</source>
        <translation>登记的需求</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="104" />
        <source>This visit is already registered as a need.</source>
        <translation>这次走访已经登记为需求。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="111" />
        <source>Registered as need &quot;{title}&quot;.</source>
        <translation>已登记为需求“{title}”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/visits.py" line="36" />
        <source>{count} visit(s) moved to the trash.</source>
        <translation>已将 {count} 条走访记录移入回收站。</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="25" />
        <source>{count} in total</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="37" />
        <source>{hint} (Ctrl+F)</source>
        <translation>{hint}（Ctrl+F）</translation>
    </message>
</context>
</TS>
