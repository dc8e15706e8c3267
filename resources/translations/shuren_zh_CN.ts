<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="17"/>
        <location filename="../../desktop/ui/dialogs/about.py" line="27"/>
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="28"/>
        <source>A workbench for the party branch of a residential neighborhood: the lists of needs, resources and projects, meetings, visits and compacts.</source>
        <translation>小区党支部工作台：需求、资源、项目三张清单，协商议事、接待走访与邻里公约。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="33"/>
        <source>Fonts: WenQuanYi Micro Hei (Apache 2.0) and LXGW WenKai (SIL OFL 1.1).</source>
        <translation>字体：文泉驿微米黑（Apache 2.0）、霞鹜文楷（SIL OFL 1.1）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="45"/>
        <source>About Shuren Xiaoqu</source>
        <translation>关于熟人小区</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="22"/>
        <source>Edit building</source>
        <translation>编辑楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="24"/>
        <source>New building</source>
        <translation>新建楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="31"/>
        <source>e.g. 3栋</source>
        <translation>例如：3栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="33"/>
        <source>(no grid)</source>
        <translation>（未划分网格）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="38"/>
        <source>Building</source>
        <translation>楼栋名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="39"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/building.py" line="41"/>
        <source>Number of units</source>
        <translation>单元数</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="10"/>
        <source>Building leader</source>
        <translation>楼栋长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="11"/>
        <source>Talented resident</source>
        <translation>贤达能人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="12"/>
        <source>Owners&apos; committee member</source>
        <translation>业委会委员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="13"/>
        <source>Self-organization member</source>
        <translation>自组织成员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="14"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="20"/>
        <source>Deliberation</source>
        <translation>议事权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="21"/>
        <source>Suggestion</source>
        <translation>建议权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="22"/>
        <source>Supervision</source>
        <translation>监督权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="23"/>
        <source>Evaluation</source>
        <translation>评议权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="29"/>
        <source>Property company</source>
        <translation>物业服务企业</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="30"/>
        <source>Owners&apos; committee</source>
        <translation>业主委员会</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="31"/>
        <source>Self-organization</source>
        <translation>自组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="32"/>
        <source>Partner unit</source>
        <translation>共建单位</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="39"/>
        <location filename="../../desktop/ui/pages/list_page.py" line="117"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="42"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="45"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="115"/>
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="147"/>
        <source>Move to trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="148"/>
        <source>Move {count} record(s) to the trash? You can restore them from the Trash page.</source>
        <translation>将 {count} 条记录移入回收站？之后可以在「回收站」中恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/list_page.py" line="183"/>
        <source>No record matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="40"/>
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="55"/>
        <source>People and organizations</source>
        <translation>人员与组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="56"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="57"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="82"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="88"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="89"/>
        <source>About Shuren Xiaoqu</source>
        <translation>关于熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="105"/>
        <source>Neighborhood not set: enter it under People and organizations</source>
        <translation>尚未填写小区信息：请在「人员与组织」中填写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118"/>
        <source>Backup failed: check the free disk space</source>
        <translation>备份失败：请检查磁盘剩余空间</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="9"/>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="10"/>
        <source>This is too long; please shorten it.</source>
        <translation>内容过长，请精简。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="11"/>
        <source>Enter an 11-digit mobile number or a landline such as 0755-12345678.</source>
        <translation>请填写 11 位手机号，或 0755-12345678 这样的固定电话。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="14"/>
        <source>This building is not in the list; choose another.</source>
        <translation>楼栋不在列表中，请重新选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="17"/>
        <source>The end of the term must come after its start.</source>
        <translation>任期结束日期应晚于开始日期。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="18"/>
        <source>This name is already used; choose another.</source>
        <translation>这个名称已经用过了，请换一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="24"/>
        <source>Something went wrong and the action was not completed. Your saved records are safe. Please try again; if it happens again, tell the street office and send them the log file from the data folder.</source>
        <translation>出了点问题，这次操作没有完成，已保存的记录不受影响。请再试一次；如果仍然不行，请联系街道，并把数据文件夹中的日志文件发给他们。</translation>
    </message>
</context>
<context>
    <name>NeighborhoodPage</name>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="48"/>
        <source>Neighborhood</source>
        <translation>小区信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="52"/>
        <source>Neighborhood name</source>
        <translation>小区名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="53"/>
        <source>Community</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="54"/>
        <source>Street office</source>
        <translation>所属街道</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="63"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="87"/>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="90"/>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="168"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="91"/>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="92"/>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="170"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="117"/>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="128"/>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="157"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="118"/>
        <source>Grid name:</source>
        <translation>网格名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="140"/>
        <source>Delete grid</source>
        <translation>删除网格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="141"/>
        <source>Delete the grid &quot;{name}&quot;? Its buildings stay in the list without a grid.</source>
        <translation>删除网格「{name}」？其中的楼栋会保留，只是不再属于任何网格。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="152"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="156"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="158"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="169"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="202"/>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="214"/>
        <source>Delete building</source>
        <translation>删除楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="203"/>
        <source>Delete the building &quot;{name}&quot;?</source>
        <translation>删除楼栋「{name}」？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/neighborhood.py" line="215"/>
        <source>{count} person(s) in the roster (trash included) live in &quot;{name}&quot;. Move them to another building first.</source>
        <translation>名册中（含回收站）还有 {count} 人住在「{name}」，请先把他们改到其他楼栋。</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="36"/>
        <source>Edit organization</source>
        <translation>编辑组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="38"/>
        <source>New organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="52"/>
        <source>e.g. 13812345678 or 0755-12345678</source>
        <translation>例如：13812345678 或 0755-12345678</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="55"/>
        <source>Record the term of office</source>
        <translation>登记任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="66"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="67"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="69"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="71"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="74"/>
        <source>Term starts</source>
        <translation>任期开始</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="76"/>
        <source>Term ends</source>
        <translation>任期结束</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/organization.py" line="77"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OrganizationTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="21"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="22"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="23"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="24"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/organizations.py" line="25"/>
        <source>Term</source>
        <translation>任期</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="22"/>
        <source>Search name, contact or phone</source>
        <translation>搜索名称、联系人或电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="25"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="55"/>
        <source>No organizations yet. Add the property company, the owners&apos; committee, self-organizations and partner units with &quot;New&quot;.</source>
        <translation>还没有组织记录。点击「新建」添加物业服务企业、业主委员会、自组织和共建单位。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="63"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="64"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="65"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="70"/>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="74"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/organizations.py" line="93"/>
        <source>{count} organization(s) moved to the trash.</source>
        <translation>已将 {count} 个组织移入回收站。</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="22"/>
        <source>Search name, phone or room (e.g. 张伟, 1380, 1203)</source>
        <translation>搜索姓名、电话或房号（如 张伟、1380、1203）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="26"/>
        <source>All roles</source>
        <translation>全部身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="31"/>
        <source>Party members and others</source>
        <translation>党员和群众</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="32"/>
        <source>Party members</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="33"/>
        <source>Not party members</source>
        <translation>非党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="45"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="86"/>
        <source>There are no people in the roster yet. Click &quot;New&quot; to add the first one.</source>
        <translation>名册中还没有人员。点击「新建」添加第一位居民。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="96"/>
        <source>unit {unit}</source>
        <translation>{unit}单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="101"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="103"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="107"/>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="108"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="110"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="113"/>
        <source>Roles</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="118"/>
        <source>Skills</source>
        <translation>特长技能</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="121"/>
        <source>Four rights</source>
        <translation>四权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="125"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="149"/>
        <source>{count} person(s) moved to the trash.</source>
        <translation>已将 {count} 人移入回收站。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="157"/>
        <source>Move to trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/people.py" line="158"/>
        <source>Some records had already been moved to the trash.</source>
        <translation>部分记录此前已被移入回收站。</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="20"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="21"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="22"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="23"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="24"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="25"/>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="26"/>
        <source>Roles</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/people.py" line="50"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="36"/>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="38"/>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="46"/>
        <source>Full name, e.g. 张伟</source>
        <translation>姓名，例如：张伟</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="49"/>
        <source>e.g. 13812345678 or 0755-12345678</source>
        <translation>例如：13812345678 或 0755-12345678</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="53"/>
        <source>(not set)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="62"/>
        <source>e.g. 1203</source>
        <translation>例如：1203</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="72"/>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="83"/>
        <source>e.g. legal advice, plumbing</source>
        <translation>例如：法律咨询、水电维修</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="97"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="98"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="99"/>
        <source>Building / unit / room</source>
        <translation>楼栋 / 单元 / 房号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="101"/>
        <source>Roles</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="102"/>
        <source>Skills</source>
        <translation>特长技能</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="103"/>
        <source>Four rights</source>
        <translation>四权</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="104"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="134"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/person.py" line="176"/>
        <source>This person was moved to the trash meanwhile; restore them from the trash to edit.</source>
        <translation>此人已被移入回收站；如需编辑，请先从回收站恢复。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="35"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="38"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="42"/>
        <source>Fields marked ＊ are required.</source>
        <translation>标 ＊ 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="103"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/form.py" line="104"/>
        <source>You have changed this record. Close without saving?</source>
        <translation>这条记录有未保存的修改。不保存就关闭吗？</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/ui/pages/roster.py" line="18"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster.py" line="19"/>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/roster.py" line="20"/>
        <source>Neighborhood and buildings</source>
        <translation>小区与楼栋</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="30"/>
        <source>No backup yet</source>
        <translation>尚未备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="31"/>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="42"/>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="47"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="48"/>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="49"/>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="59"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="68"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="72"/>
        <source>A new language applies the next time the app opens.</source>
        <translation>更换语言后，下次打开软件时生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="77"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="81"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="83"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="84"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="88"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="97"/>
        <source>About Shuren Xiaoqu</source>
        <translation>关于熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="115"/>
        <source>Backing up…</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/settings.py" line="124"/>
        <source>The backup failed. Check that the disk has free space, then try again.</source>
        <translation>备份失败。请检查磁盘是否还有空间，然后再试一次。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/ui/session.py" line="34"/>
        <location filename="../../desktop/ui/session.py" line="53"/>
        <location filename="../../desktop/ui/session.py" line="142"/>
        <source>Shuren Xiaoqu</source>
        <translation>熟人小区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="64"/>
        <source>Cannot use the data folder {path} ({reason}). Choose a folder you can write to and start again.</source>
        <translation>无法使用数据文件夹 {path}（{reason}）。请换一个可以写入的文件夹后重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="80"/>
        <source>Shuren Xiaoqu is already open with this data folder. Switch to the open window (look in the taskbar).</source>
        <translation>熟人小区已经打开了这个数据文件夹。请切换到已打开的窗口（可在任务栏中找到）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="93"/>
        <source>This data was saved by a newer version of Shuren Xiaoqu (revision {revision}). Please install the newer version to open it; nothing was changed.</source>
        <translation>这份数据由更新版本的熟人小区保存（版本 {revision}）。请安装新版本后再打开；数据没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="105"/>
        <source>The data file is damaged and cannot be opened. Copies made before each upgrade are in the &quot;backups&quot; folder of the data folder; ask the street office for help restoring one.</source>
        <translation>数据文件已损坏，无法打开。数据文件夹中的「backups」文件夹里保存有备份，请联系街道协助恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="143"/>
        <source>The data folder is on a network drive. Records can be damaged there; please move it to this computer&apos;s own disk.</source>
        <translation>数据文件夹位于网络驱动器上，记录可能因此损坏。请把它移到本机硬盘上。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="160"/>
        <source>Creating the demo neighborhood…</source>
        <translation>正在生成演示小区……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/session.py" line="171"/>
        <source>The demo neighborhood could not be created.</source>
        <translation>演示小区生成失败。</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="23"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="24"/>
        <source>Delete permanently…</source>
        <translation>彻底删除……</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="29"/>
        <source>Deleted records wait here. Restore puts them back in their list; deleting permanently cannot be undone.</source>
        <translation>删除的记录暂存在这里。「恢复」会把记录放回原来的清单；「彻底删除」后无法找回。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="78"/>
        <source>{count} record(s) restored.</source>
        <translation>已恢复 {count} 条记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="87"/>
        <source>Delete permanently</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/trash.py" line="88"/>
        <source>Permanently delete {count} record(s)? This cannot be undone.</source>
        <translation>彻底删除 {count} 条记录？删除后无法找回。</translation>
    </message>
</context>
<context>
    <name>TrashTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="16"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="17"/>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="28"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/trash.py" line="30"/>
        <source>Deleted on</source>
        <translation>删除日期</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../desktop/ui/widgets.py" line="23"/>
        <source>{count} in total</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
</TS>
