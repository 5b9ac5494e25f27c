<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../editor/app.py" line="59"/>
        <location filename="../../editor/ui/main_window.py" line="56"/>
        <source>Annual Report Editor</source>
        <translation>法治政府建设年度报告编辑器</translation>
    </message>
</context>
<context>
    <name>BaseForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="167"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="209"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
</context>
<context>
    <name>ConflictWidget</name>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="81"/>
        <source>Key for report-editor merge --resolve: %1</source>
        <translation>命令行 report-editor merge --resolve 所用的键：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="89"/>
        <source>Use %1</source>
        <translation>采用%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="106"/>
        <source>&lt;h3&gt;Annual Report Editor %1&lt;/h3&gt;&lt;p&gt;Writes the annual report on building a law-based government (法治政府建设年度报告) in the official document format.&lt;/p&gt;&lt;p&gt;Qt for Python %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;法治政府建设年度报告编辑器 %1&lt;/h3&gt;&lt;p&gt;按公文格式编写法治政府建设年度报告。&lt;/p&gt;&lt;p&gt;Qt for Python %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="113"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="119"/>
        <source>The program was not closed normally. Recovered copies of unsaved work were found:

%1

Restore them?</source>
        <translation>程序上次没有正常关闭。找到了以下未保存工作的恢复副本：

%1

是否恢复？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="122"/>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
</context>
<context>
    <name>FileProblems</name>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="58"/>
        <source>A backup of the previous version exists: “%1”. It can be opened as an unsaved report; the damaged file stays as it is.</source>
        <translation>有上一版本的备份：“%1”。可以把它作为未保存的报告打开；损坏的文件保持原样。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="63"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="73"/>
        <source>Damaged recovery copies</source>
        <translation>已损坏的恢复副本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="74"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="60"/>
        <location filename="../../editor/ui/file_problems.py" line="74"/>
        <source>Move to the “damaged” folder</source>
        <translation>移到“damaged”文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="57"/>
        <source>Open the backup</source>
        <translation>打开备份</translation>
    </message>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="61"/>
        <source>The damaged file can be moved into the folder “%1” (it is not deleted), so it no longer gets in the way.</source>
        <translation>可以把损坏的文件移到文件夹“%1”中（不会删除），以免妨碍使用。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/file_problems.py" line="70"/>
        <source>These recovery copies cannot be read:

%1

They can be moved into the folder “%2” (nothing is deleted), or kept and offered again at the next start.</source>
        <translation>以下恢复副本无法读取：

%1

可以把它们移到文件夹“%2”中（不会删除），也可以保留，下次启动时再提示。</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="185"/>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="194"/>
        <source>Text to find</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="196"/>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="343"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="197"/>
        <source>Match &amp;case</source>
        <translation>区分大小写(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="202"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="203"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="204"/>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="205"/>
        <source>Replace &amp;All</source>
        <translation>全部替换(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="206"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="220"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="222"/>
        <source>Re&amp;place with:</source>
        <translation>替换为(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="264"/>
        <source>%1 match(es)</source>
        <translation>共 %1 处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="291"/>
        <source> (inside a metric value: change the metric to change it)</source>
        <translation>（位于指标数值中：请修改该指标）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="292"/>
        <source>Match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="300"/>
        <source>“%1” was not found.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="337"/>
        <source>This match is part of a metric value and cannot be replaced here: change the metric in the metrics panel.</source>
        <translation>此处是指标数值的一部分，不能在这里替换：请在“指标”面板中修改该指标。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="359"/>
        <source>Replace all “%1”</source>
        <translation>全部替换“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="360"/>
        <source>Replaced %1 match(es).</source>
        <translation>已替换 %1 处。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="362"/>
        <source>%1 match(es) inside metric values were left unchanged.</source>
        <translation>另有 %1 处位于指标数值中，未改动。</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="78"/>
        <source>Importing report</source>
        <translation>正在导入报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="82"/>
        <source>Importing “%1”…</source>
        <translation>正在导入“%1”…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="94"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="103"/>
        <source>Reading the file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="103"/>
        <source>Converting punctuation</source>
        <translation>转换标点</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="104"/>
        <source>Recognising the structure</source>
        <translation>识别结构</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="104"/>
        <source>Finding figures</source>
        <translation>识别数字</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="105"/>
        <source>Making metrics</source>
        <translation>生成指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="122"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="240"/>
        <source>Import report: check the figures found</source>
        <translation>导入报告：核对识别出的指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="251"/>
        <source>%1 numbers were found in the text. Ticked numbers become metrics (rename them in the “Label” column); the text shown in the body stays the same. Unticked numbers remain plain text.</source>
        <translation>文中共找到 %1 个数字。勾选的数字会成为指标（可在“标签”列修改名称），正文显示的文字保持不变；不勾选的保留为普通文字。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="257"/>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="257"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="257"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="257"/>
        <source>Change</source>
        <translation>同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="257"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="275"/>
        <source>Accept all</source>
        <translation>全部采用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="276"/>
        <source>Accept none</source>
        <translation>全部不采用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="285"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="286"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="563"/>
        <source>Carried over from last year&apos;s report: revise it for this year.</source>
        <translation>此项沿用自上年报告：请按本年度情况修改。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="569"/>
        <source>Lead sentence, e.g. 全面加强依法行政制度建设。</source>
        <translation>首句，如：全面加强依法行政制度建设。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="570"/>
        <source>&amp;Lead sentence:</source>
        <translation>首句(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="571"/>
        <source>&amp;Run in: lead and first paragraph form one paragraph</source>
        <translation>首句与第一段正文合为一段(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="572"/>
        <source>N&amp;umbered</source>
        <translation>编号(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="573"/>
        <source>Body text: one paragraph per line. Ctrl+M inserts a metric.</source>
        <translation>正文：每行一段。按 Ctrl+M 插入指标。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="577"/>
        <source>&amp;Body:</source>
        <translation>正文(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="591"/>
        <source>Content kinds:</source>
        <translation>内容类别：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="594"/>
        <source>Add &amp;sub-item</source>
        <translation>添加子项(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="618"/>
        <source>Content kinds</source>
        <translation>内容类别</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="629"/>
        <source>Item %1</source>
        <translation>事项%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="629"/>
        <source>Unnumbered item</source>
        <translation>不编号的事项</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="631"/>
        <source>%1 sub-item(s): select them in the outline.</source>
        <translation>%1 个子项：请在大纲中选择。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/ui/main_window.py" line="116"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="125"/>
        <source>Preview not available</source>
        <translation>预览不可用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="126"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="135"/>
        <source>Metrics panel not available</source>
        <translation>指标面板不可用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="136"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="145"/>
        <source>Problems panel not available</source>
        <translation>问题面板不可用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="146"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="210"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="211"/>
        <source>Start a new report from a template</source>
        <translation>从模板新建报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="212"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="213"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="214"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="217"/>
        <source>Export &amp;Word…</source>
        <translation>导出 Word(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="219"/>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="231"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="235"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="238"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="242"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="243"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="244"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="245"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="248"/>
        <source>&amp;Find and Replace…</source>
        <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="249"/>
        <source>Insert &amp;metric…</source>
        <translation>插入指标(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="251"/>
        <source>Ma&amp;ke metric from selection</source>
        <translation>将选中内容设为指标(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="253"/>
        <source>Prefere&amp;nces…</source>
        <translation>首选项(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="258"/>
        <source>Add &amp;section</source>
        <translation>添加部分(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="260"/>
        <source>Add &amp;item</source>
        <translation>添加事项(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="261"/>
        <source>Add s&amp;ub-item</source>
        <translation>添加子项(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="263"/>
        <source>&amp;Delete part</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="265"/>
        <source>Move u&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="267"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="269"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="270"/>
        <source>Chec&amp;k Report</source>
        <translation>检查报告(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="271"/>
        <source>Proofread the report and show the problems</source>
        <translation>校对报告并列出问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="272"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="273"/>
        <source>Zoom O&amp;ut</source>
        <translation>缩小(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="274"/>
        <source>Fit Page &amp;Width</source>
        <translation>适合页宽(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="275"/>
        <source>&amp;Next Window</source>
        <translation>下一个窗口(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="277"/>
        <source>P&amp;revious Window</source>
        <translation>上一个窗口(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="282"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="286"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="303"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="318"/>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="327"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="335"/>
        <source>Go to &amp;outline</source>
        <translation>转到大纲(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="336"/>
        <source>Go to &amp;form</source>
        <translation>转到表单(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="337"/>
        <source>Go to pre&amp;view</source>
        <translation>转到预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="338"/>
        <source>Go to &amp;metrics</source>
        <translation>转到指标(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="339"/>
        <source>Go to &amp;problems</source>
        <translation>转到问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="348"/>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="353"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="367"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="376"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="377"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="378"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="379"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="380"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="381"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="382"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="397"/>
        <source>Export the report as a Word or PDF file</source>
        <translation>把报告导出为 Word 或 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="404"/>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="413"/>
        <location filename="../../editor/ui/main_window.py" line="520"/>
        <source>Page width</source>
        <translation>适合页宽</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="418"/>
        <source>Zoom of the preview</source>
        <translation>预览的缩放比例</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="518"/>
        <source>Page width (%1%)</source>
        <translation>适合页宽（%1%）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="579"/>
        <source>This is the last open report: closing it quits the program. Quit?</source>
        <translation>这是最后一个打开的报告，关闭它将退出程序。要退出吗？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="604"/>
        <source>Public (web)</source>
        <translation>公开版（网站发布）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="605"/>
        <source>Formal (red header, colophon)</source>
        <translation>正式公文版（红头、版记）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="621"/>
        <source>Print “%1”</source>
        <translation>打印“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="624"/>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="627"/>
        <location filename="../../editor/ui/main_window.py" line="657"/>
        <source>Edition:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="638"/>
        <source>Sent %1 page(s) to the printer</source>
        <translation>已将 %1 页发送到打印机</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="649"/>
        <source>Print preview of “%1”</source>
        <translation>打印预览：“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="681"/>
        <source>%1 page(s)</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="686"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="809"/>
        <location filename="../../editor/ui/main_window.py" line="817"/>
        <source>Backup copies (*%1.bak)</source>
        <translation>备份副本 (*%1.bak)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="810"/>
        <location filename="../../editor/ui/main_window.py" line="817"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="811"/>
        <location filename="../../editor/ui/main_window.py" line="903"/>
        <location filename="../../editor/ui/main_window.py" line="1266"/>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="808"/>
        <location filename="../../editor/ui/main_window.py" line="918"/>
        <source>Report projects (*%1)</source>
        <translation>报告项目文件 (*%1)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="221"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="222"/>
        <source>Print the report as the preview shows it</source>
        <translation>按预览所示打印报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="225"/>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="227"/>
        <source>Open &amp;Backup Copy…</source>
        <translation>打开备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="228"/>
        <source>Open the copy kept from the previous save (.bak)</source>
        <translation>打开上次保存前保留的备份副本（.bak）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="229"/>
        <source>&amp;Close Report</source>
        <translation>关闭报告(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="816"/>
        <location filename="../../editor/ui/main_window.py" line="833"/>
        <source>Open backup copy</source>
        <translation>打开备份</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="838"/>
        <source>Opened the backup copy %1. Save it under a name of your choice.</source>
        <translation>已打开备份副本 %1。请用“另存为”保存到您选择的文件名。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="893"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="897"/>
        <source>&amp;Clear list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="904"/>
        <source>“%1” no longer exists and was removed from the list.</source>
        <translation>“%1”已不存在，已从列表中移除。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="917"/>
        <source>Save report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="924"/>
        <location filename="../../editor/ui/main_window.py" line="933"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="939"/>
        <source>“%1” is open in another window. Choose another name.</source>
        <translation>“%1”已在另一个窗口中打开，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="983"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="998"/>
        <location filename="../../editor/ui/main_window.py" line="1019"/>
        <source>Export Word</source>
        <translation>导出 Word</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="998"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1023"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1076"/>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1005"/>
        <location filename="../../editor/ui/main_window.py" line="1019"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1005"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1087"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="393"/>
        <location filename="../../editor/ui/main_window.py" line="1089"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1030"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1039"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1043"/>
        <source>Building the Word file: step %1 of %2</source>
        <translation>正在生成 Word 文件：第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1048"/>
        <source>LibreOffice is converting the file to PDF… (%1 s)</source>
        <translation>LibreOffice 正在转换为 PDF…（已用 %1 秒）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1092"/>
        <source>&amp;Open File</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1094"/>
        <source>Open Containing &amp;Folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1184"/>
        <source>“%1” has unsaved changes. Save them?</source>
        <translation>“%1”有未保存的修改，是否保存？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1328"/>
        <source>The program that held it seems to have stopped. Remove the lock and open the project?</source>
        <translation>占用它的程序似乎已经停止运行。是否解除锁定并打开该项目？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1331"/>
        <source>Open it anyway? Only do this if you are sure it is not being edited: two people saving the same file lose work.</source>
        <translation>仍要打开吗？请确认没有人正在编辑它：两人同时保存同一文件会丢失修改。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1389"/>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1449"/>
        <source>Restored from the recovery copy of %1</source>
        <translation>已从 %1 的恢复副本中恢复</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1167"/>
        <source>Autosave</source>
        <translation>自动保存</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1375"/>
        <source>Opened the backup “%1”; save it under a name of your choice.</source>
        <translation>已打开备份“%1”；请把它另存为您选择的文件名。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1163"/>
        <source>Recovery copy could not be written</source>
        <translation>无法写入恢复副本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1174"/>
        <source>Recovery copy written; the report itself is not saved yet</source>
        <translation>已写入恢复副本（报告本身尚未保存）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1326"/>
        <source>Remove the damaged lock and open the project?</source>
        <translation>解除已损坏的锁定并打开项目？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="955"/>
        <source>Save the report under another name?</source>
        <translation>要把报告另存为其他文件吗？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1313"/>
        <source>The damaged file was moved to “%1”.</source>
        <translation>损坏的文件已移到“%1”。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1168"/>
        <source>The recovery copy of “%1” could not be written:
%2

Your changes are still in this window. Save the report (or save it under another name) soon.</source>
        <translation>无法写入“%1”的恢复副本：
%2

您的修改仍在窗口中，请尽快保存报告（或另存到其他位置）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1272"/>
        <source>“%1” is already open in this window.</source>
        <translation>“%1”已在此窗口中打开。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="1438"/>
        <source>“%1” is open in another window; the restored copy is not linked to it. Save it under another name.</source>
        <translation>“%1”正在另一个窗口中打开，恢复的副本未与它关联，请另存为其他文件名。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="925"/>
        <source>“%1” is read-only. Choose another name.</source>
        <translation>“%1”是只读文件，请另选一个文件名。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/instance.py" line="85"/>
        <source>“%1” was opened again from another program.</source>
        <translation>已从另一个程序再次打开“%1”。</translation>
    </message>
</context>
<context>
    <name>MakeMetricDialog</name>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="55"/>
        <source>Make metric</source>
        <translation>设为指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="56"/>
        <source>“%1” becomes a metric: the text will show its value, and its change on last year can be written automatically.</source>
        <translation>“%1”将设为指标：正文显示它的数值，与上年相比的变化可以自动写出。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="61"/>
        <source>e.g. 行政复议案件</source>
        <translation>例如：行政复议案件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="69"/>
        <location filename="../../editor/ui/make_metric_dialog.py" line="74"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="76"/>
        <source>A rate (its change is written in 个百分点)</source>
        <translation>比率（变化以“个百分点”表述）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="87"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="88"/>
        <source>&amp;Value:</source>
        <translation>数值(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="89"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="90"/>
        <source>&amp;Scale:</source>
        <translation>数量级(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="91"/>
        <source>&amp;Qualifier:</source>
        <translation>限定词(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="93"/>
        <source>Reads as:</source>
        <translation>显示为：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="101"/>
        <source>In: %1</source>
        <translation>所在句子：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="139"/>
        <source>The value must be a number, such as 2041 or 5.9.</source>
        <translation>数值须为数字，例如 2041 或 5.9。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/make_metric_dialog.py" line="142"/>
        <source>Give the metric a name: it is how you find it in the metrics panel.</source>
        <translation>请为指标命名：在指标面板中按名称查找它。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="38"/>
        <source>current project</source>
        <translation>当前项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="116"/>
        <source>Merge other projects</source>
        <translation>合并其他项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="120"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="121"/>
        <source>Merging %1 projects: %2.</source>
        <translation>将合并 %1 个项目：%2。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="124"/>
        <source>%1 parts taken or added automatically (filled in on one side only, identical, or only in the other projects).</source>
        <translation>自动采用或新增 %1 处（只有一方填写、内容相同或只在其他项目中的部分）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="128"/>
        <source>%1 parts read the same in every project once the figures are written out (only the metrics they refer to differ): the current project&apos;s text is kept.</source>
        <translation>有 %1 处在各项目中读起来相同（数字写出后一致，只是引用的指标不同）：保留当前项目的文字。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="132"/>
        <source>%1 parts are filled in on both sides with different content: choose which side to use for each.</source>
        <translation>有 %1 处两边都填写了但内容不同，请逐一选择采用哪一方。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="134"/>
        <source>Figures are shown as in the report; highlighted text differs between the versions.</source>
        <translation>数字按报告中的写法显示；标黄并加下划线的文字是各版本不同之处。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="136"/>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="163"/>
        <source>Use %1 for all</source>
        <translation>全部采用%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="173"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="174"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="197"/>
        <source>%1 conflicts still unresolved.</source>
        <translation>还有 %1 处冲突未选择。</translation>
    </message>
</context>
<context>
    <name>MetricPickerDialog</name>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="35"/>
        <source>Insert metric</source>
        <translation>插入指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="45"/>
        <source>No year-on-year change (last year&apos;s value missing)</source>
        <translation>无法计算同比变化（缺少上年数值）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="51"/>
        <source>Type to filter…</source>
        <translation>输入文字筛选…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="60"/>
        <source>Insert the year-on-year change instead of the value</source>
        <translation>插入同比变化，而不是数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="61"/>
        <source>This report has no metrics yet. Add them in the metrics panel, or select a figure in the text and choose “Make metric”.</source>
        <translation>本报告还没有指标。请在“指标”面板中添加，或在正文中选中一个数字后选择“设为指标”。</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="59"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="60"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="61"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="62"/>
        <source>Scale</source>
        <translation>数量级</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="63"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="64"/>
        <source>Last year</source>
        <translation>上年数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="65"/>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="66"/>
        <source>Change</source>
        <translation>同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="67"/>
        <source>Used in</source>
        <translation>使用处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="110"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="110"/>
        <source>Preamble</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="110"/>
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="111"/>
        <source>Signature</source>
        <translation>落款</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="111"/>
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="111"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="112"/>
        <source>Introduction</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="112"/>
        <source>Lead sentence</source>
        <translation>首句</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="112"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="124"/>
        <source>%1 paragraph %2</source>
        <translation>%1第%2段</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="276"/>
        <source>万 or 亿 written after the number (2.5万人次)</source>
        <translation>写在数字后面的“万”或“亿”（如 2.5万人次）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="277"/>
        <source>余 逾 近 约 超 多 以上 左右 达 …</source>
        <translation>余、逾、近、约、超、多、以上、左右、达……</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="278"/>
        <source>Last year&apos;s value, same unit and scale: gives the year-on-year change</source>
        <translation>上年数值（单位和数量级与本年相同），用于计算同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="279"/>
        <source>A rate (%): its change is written in 个百分点</source>
        <translation>比率（%）：其变化以“个百分点”表示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="280"/>
        <source>Computed from the value and last year&apos;s value</source>
        <translation>由本年数值和上年数值自动计算</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="281"/>
        <source>How many times the text uses this metric</source>
        <translation>正文中使用此指标的次数</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="337"/>
        <source>In the text: %1</source>
        <translation>正文中显示为：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="337"/>
        <source>Not filled in yet</source>
        <translation>尚未填写</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="340"/>
        <source>Fill in last year&apos;s value to compute the change</source>
        <translation>填写上年数值后即可计算同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="341"/>
        <source>The change cannot be computed (last year&apos;s value is 0 or invalid)</source>
        <translation>无法计算同比变化（上年数值为 0 或无效）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="345"/>
        <source>Not used in the text</source>
        <translation>正文中未使用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="347"/>
        <source>Used %1 time(s) in %2 paragraph(s):</source>
        <translation>共使用 %1 次，在 %2 个段落中：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="411"/>
        <source>Edit metric “%1”</source>
        <translation>修改指标“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="431"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="527"/>
        <source>Filter metrics (label, value, unit)…</source>
        <translation>筛选指标（名称、数值、单位）…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="530"/>
        <location filename="../../editor/ui/metrics_panel.py" line="643"/>
        <source>Add metric</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="532"/>
        <location filename="../../editor/ui/metrics_panel.py" line="669"/>
        <location filename="../../editor/ui/metrics_panel.py" line="682"/>
        <source>Delete metric</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="538"/>
        <source>Double-click to go to the paragraph</source>
        <translation>双击转到该段落</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="540"/>
        <source>Used in:</source>
        <translation>使用处：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="623"/>
        <source>(not used in the text)</source>
        <translation>（正文中未使用）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="642"/>
        <source>New metric</source>
        <translation>新指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="670"/>
        <source>“%1” is used in %2 paragraph(s). If you delete it, those places will show a missing-metric marker. Delete anyway?</source>
        <translation>“%1”在 %2 个段落中使用。删除后，这些位置将显示“指标缺失”标记。仍要删除吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/ui/metrics_panel.py" line="679"/>
        <source>Delete %n metric(s)</source>
        <translation>
            <numerusform>删除 %n 个指标</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewFromTemplateDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="34"/>
        <source>New report</source>
        <translation>新建报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="62"/>
        <source>Start from:</source>
        <translation>起始模板：</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../editor/ui/outline.py" line="144"/>
        <source>Report information</source>
        <translation>报告信息</translation>
    </message>
    <message>
        <location filename="../../editor/ui/outline.py" line="159"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/outline.py" line="266"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <location filename="../../editor/ui/outline.py" line="366"/>
        <source>Add section</source>
        <translation>添加部分</translation>
    </message>
    <message>
        <location filename="../../editor/ui/outline.py" line="391"/>
        <source>Add item</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <location filename="../../editor/ui/outline.py" line="400"/>
        <source>Add sub-item</source>
        <translation>添加子项</translation>
    </message>
    <message>
        <location filename="../../editor/ui/outline.py" line="410"/>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/outline.py" line="428"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../editor/ui/outline.py" line="428"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="76"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="85"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="89"/>
        <source>&amp;Language (after restart):</source>
        <translation>界面语言（重启后生效）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="90"/>
        <source>&amp;Autosave every:</source>
        <translation>自动保存间隔(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="112"/>
        <source>All</source>
        <extracomment>findings that say the same about every project on this computer: one line, details on demand the user asked to go to the field of a finding (double-click) the list was updated with new findings</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="113"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="114"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="115"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="119"/>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="120"/>
        <source>Apply the suggested correction to the selected problem</source>
        <translation>对选中的问题应用建议的修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="121"/>
        <source>Fix all</source>
        <translation>全部修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="122"/>
        <source>Apply every suggested correction (one undo step)</source>
        <translation>应用所有建议的修正（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="123"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="126"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="128"/>
        <source>Ignore the selected problem here (can be undone; right-click for more choices)</source>
        <translation>忽略选中的这一处问题（可撤销；右键单击可选择忽略此类等）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="130"/>
        <source>User dictionary…</source>
        <translation>用户词典…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="132"/>
        <source>Terms and exceptions of your organisation, used by the wording checks</source>
        <translation>本单位的固定说法和例外，用于用词检查</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="142"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="142"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="142"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="216"/>
        <source>The checks failed: %s</source>
        <translation>检查未能完成：%s</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="257"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="257"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="257"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="263"/>
        <location filename="../../editor/ui/problems_panel.py" line="399"/>
        <location filename="../../editor/ui/problems_panel.py" line="510"/>
        <source>Fix: %s</source>
        <translation>修正：%s</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="278"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="279"/>
        <source>%1 official fonts are not installed on this computer; the exported file is not affected (expand for details)</source>
        <translation>本机缺少%1种公文字体，不影响导出的文件（展开查看详情）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="302"/>
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>%1 个错误，%2 个警告，%3 个提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="307"/>
        <source> (%1 ignored)</source>
        <translation>（已忽略%1项）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="403"/>
        <location filename="../../editor/ui/problems_panel.py" line="407"/>
        <source>Ignore here</source>
        <translation>忽略此处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="411"/>
        <source>Ignore “%1” everywhere in this report</source>
        <translation>在本报告中忽略所有“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="414"/>
        <source>Ignore this kind</source>
        <translation>忽略此类</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="418"/>
        <source>Add “%1” to the user dictionary</source>
        <translation>将“%1”加入用户词典</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="423"/>
        <source>Show ignored problems again (%1)</source>
        <translation>恢复显示已忽略的问题（%1项）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="437"/>
        <source>Ignore this kind of problem</source>
        <translation>忽略此类问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="437"/>
        <location filename="../../editor/ui/problems_panel.py" line="524"/>
        <source>Ignore a problem</source>
        <translation>忽略一处问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="467"/>
        <source>Show ignored problems again</source>
        <translation>恢复显示已忽略的问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="535"/>
        <source>Fix all problems</source>
        <translation>修正所有问题</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <location filename="../../editor/ui/repair_dialog.py" line="20"/>
        <source>Open a repaired copy as a new, unsaved report? The damaged file is not changed.</source>
        <translation>是否把修复后的副本作为一份新的、尚未保存的报告打开？损坏的文件不会被改动。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/repair_dialog.py" line="23"/>
        <location filename="../../editor/ui/repair_dialog.py" line="39"/>
        <location filename="../../editor/ui/repair_dialog.py" line="52"/>
        <source>Damaged project</source>
        <translation>项目文件已损坏</translation>
    </message>
    <message>
        <location filename="../../editor/ui/repair_dialog.py" line="33"/>
        <source>A backup of the previous version exists: “%1”. Either opens as a new, unsaved report; the damaged file is not changed.</source>
        <translation>有上一版本的备份：“%1”。修复后的副本和备份都作为新的、尚未保存的报告打开；损坏的文件不会被改动。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/repair_dialog.py" line="36"/>
        <source>Open the repaired copy</source>
        <translation>打开修复后的副本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/repair_dialog.py" line="37"/>
        <source>Open the backup</source>
        <translation>打开备份</translation>
    </message>
    <message>
        <location filename="../../editor/ui/repair_dialog.py" line="38"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../editor/ui/repair_dialog.py" line="60"/>
        <source>Repaired copy: save it under a new name after checking it.</source>
        <translation>这是修复后的副本：请检查后另存为新文件。</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="135"/>
        <location filename="../../editor/ui/report_actions.py" line="184"/>
        <source>Merge other projects</source>
        <translation>合并其他项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="141"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="142"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="144"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="146"/>
        <source>Import an existing report from Word (.docx) or a text file</source>
        <translation>从 Word（.docx）或文本文件导入已有报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="170"/>
        <source>New next-year report</source>
        <translation>新建下一年度报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="149"/>
        <source>Create next year&apos;s report from the current one; this year&apos;s figures become the previous-year values</source>
        <translation>以当前报告为基础生成下一年度的报告，去年的数字成为上年值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="147"/>
        <source>New next-&amp;year report</source>
        <translation>新建下一年度报告(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="151"/>
        <source>&amp;Merge other projects…</source>
        <translation>合并其他项目(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="153"/>
        <source>Merge projects drafted by colleagues into the current report</source>
        <translation>把同事分工起草的项目合并到当前报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="157"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="158"/>
        <source>Report files (*.docx *.txt *.md);;Word documents (*.docx);;Text files (*.txt *.md)</source>
        <translation>报告文件 (*.docx *.txt *.md);;Word 文档 (*.docx);;文本文件 (*.txt *.md)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="165"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="171"/>
        <location filename="../../editor/ui/report_actions.py" line="185"/>
        <source>Please open a report first.</source>
        <translation>请先打开一个报告。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="173"/>
        <source>Cannot create next year&apos;s report</source>
        <translation>无法生成下一年度报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="177"/>
        <source>Choose projects to merge</source>
        <translation>选择要合并的项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="178"/>
        <source>Report projects (*.fzbg)</source>
        <translation>报告项目 (*.fzbg)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="187"/>
        <source>Cannot merge</source>
        <translation>无法合并</translation>
    </message>
</context>
<context>
    <name>ReportInfoForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="257"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="259"/>
        <source>&amp;Organisations (one per line):</source>
        <translation>机关名称（每行一个）(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="271"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="273"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="275"/>
        <source>&amp;Title (empty: generated):</source>
        <translation>标题（留空则自动生成）(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="278"/>
        <source>&amp;Preamble:</source>
        <translation>开头(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="279"/>
        <source>&amp;Closing:</source>
        <translation>结尾(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="280"/>
        <source>&amp;Signature (one line each):</source>
        <translation>落款（每行一个）(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="281"/>
        <source>&amp;Date written (成文日期):</source>
        <translation>成文日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="281"/>
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="282"/>
        <source>P&amp;ublication date:</source>
        <translation>发布日期(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="282"/>
        <source>Publication date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="283"/>
        <source>&amp;Notes (附注):</source>
        <translation>附注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="286"/>
        <location filename="../../editor/ui/forms.py" line="290"/>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="288"/>
        <source>Public (web)</source>
        <translation>公开版（网站发布）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="289"/>
        <source>Formal (red header, colophon)</source>
        <translation>正式公文版（红头、版记）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="291"/>
        <source>&amp;Edition:</source>
        <translation>版本(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="293"/>
        <source>Issuer mark:</source>
        <translation>发文机关标志：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="294"/>
        <source>Document number:</source>
        <translation>发文字号：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="295"/>
        <source>Signers (签发人):</source>
        <translation>签发人：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="296"/>
        <source>Recipients:</source>
        <translation>主送机关：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="297"/>
        <source>Copies to (抄送):</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="298"/>
        <source>Printed by:</source>
        <translation>印发机关：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="299"/>
        <source>Print date:</source>
        <translation>印发日期：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="299"/>
        <source>Print date</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="306"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="311"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="311"/>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="311"/>
        <source>Level-1 heading</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="312"/>
        <source>Level-2 heading</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="312"/>
        <source>Level-3 heading</source>
        <translation>三级标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="313"/>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="313"/>
        <source>Issuer mark</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="317"/>
        <source>F&amp;ont preset:</source>
        <translation>字体方案(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="341"/>
        <source>⚠ not installed here</source>
        <translation>⚠ 本机未安装</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="342"/>
        <source>The Word file names this font; the preview and PDF use %1.</source>
        <translation>Word 文件中使用此字体名称；预览和 PDF 使用 %1。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="348"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="360"/>
        <source>&amp;Bold level-2 headings</source>
        <translation>二级标题加粗(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="361"/>
        <source>Bold level-3 headings</source>
        <translation>三级标题加粗</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="363"/>
        <source>Number level-3 items continuously</source>
        <translation>三级标题连续编号</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="364"/>
        <source>Page &amp;numbers:</source>
        <translation>页码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="365"/>
        <source>Outside edge (odd right, even left)</source>
        <translation>外侧（单页居右，双页居左）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="366"/>
        <source>Centred</source>
        <translation>居中</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="366"/>
        <source>Page numbers</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="385"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="395"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="410"/>
        <source>Font preset</source>
        <translation>字体方案</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="439"/>
        <source>Section heading</source>
        <translation>部分标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="440"/>
        <source>&amp;Heading:</source>
        <translation>标题(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="452"/>
        <source>Thematic section (counts as 主要举措和成效)</source>
        <translation>专题部分（计入“主要举措和成效”）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="465"/>
        <source>Content kinds:</source>
        <translation>内容类别：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="466"/>
        <source>N&amp;umbered (一、)</source>
        <translation>编号（一、）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="467"/>
        <source>Introductory paragraphs (optional)</source>
        <translation>导语段落（可选）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="468"/>
        <source>&amp;Intro:</source>
        <translation>导语(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="470"/>
        <source>Add &amp;item</source>
        <translation>添加事项(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="476"/>
        <source>Closing paragraphs after the last item (optional), e.g. 下一步，我局将……</source>
        <translation>最后一项之后的结尾段落（可不填），如“下一步，我局将……”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="477"/>
        <source>Closing para&amp;graphs:</source>
        <translation>结尾段落(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="479"/>
        <source>Metrics used in this section</source>
        <translation>本部分使用的指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="490"/>
        <source>(metric table not available)</source>
        <translation>（指标表不可用）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="526"/>
        <source>Section %1</source>
        <translation>第%1部分</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="527"/>
        <source>Unnumbered section</source>
        <translation>不编号的部分</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="542"/>
        <source>Included: a thematic section counts as 主要举措和成效.</source>
        <translation>已包含：专题部分计入“主要举措和成效”。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="549"/>
        <source>Content kinds</source>
        <translation>内容类别</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="203"/>
        <source>Double-click to rename the metric</source>
        <translation>双击修改指标名称</translation>
    </message>
</context>
<context>
    <name>TokenTextEdit</name>
    <message>
        <location filename="../../editor/ui/textedit.py" line="227"/>
        <location filename="../../editor/ui/textedit.py" line="482"/>
        <location filename="../../editor/ui/textedit.py" line="489"/>
        <location filename="../../editor/ui/textedit.py" line="514"/>
        <source>Make metric</source>
        <translation>设为指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="229"/>
        <source>Insert metric…</source>
        <translation>插入指标…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="357"/>
        <source>Delete figure</source>
        <translation>删除数字</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="364"/>
        <source>Typing</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="370"/>
        <location filename="../../editor/ui/textedit.py" line="676"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="450"/>
        <source>Insert figure</source>
        <translation>插入数字</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="483"/>
        <source>Select a figure such as 2041件 or 近5.9万宗 (digits, then the unit) first.</source>
        <translation>请先选中一个数字，如“2041件”或“近5.9万宗”（数字后接单位）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="511"/>
        <source>Make metric “%1”</source>
        <translation>设为指标“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="555"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="585"/>
        <location filename="../../editor/ui/textedit.py" line="592"/>
        <location filename="../../editor/ui/textedit.py" line="655"/>
        <source>Drag and drop</source>
        <translation>拖放</translation>
    </message>
    <message>
        <location filename="../../editor/ui/edit_support.py" line="37"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/edit_support.py" line="38"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>UserDictionaryDialog</name>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="551"/>
        <location filename="../../editor/ui/problems_panel.py" line="581"/>
        <source>User dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="553"/>
        <source>One entry per line. A fixed term of your organisation (e.g. 莞邑调解): a character typed with the same sound is flagged. A wrong form and its right form: 错误写法 =&gt; 正确写法. An exception that is never flagged: !文字. Lines starting with # are comments.</source>
        <translation>每行一条。本单位的固定说法（如“莞邑调解”）：输入成同音字时会提示；错误写法和正确写法：错误写法 =&gt; 正确写法；从不提示的例外：!文字。以 # 开头的行是注释。</translation>
    </message>
</context>
</TS>
