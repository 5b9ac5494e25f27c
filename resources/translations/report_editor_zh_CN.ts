<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../editor/app.py" line="38"/>
        <source>Annual Report Editor</source>
        <translation>法治政府建设年度报告编辑器</translation>
    </message>
</context>
<context>
    <name>BaseForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="133"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="175"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
</context>
<context>
    <name>ConflictWidget</name>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="36"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="43"/>
        <source>Use %1</source>
        <translation>采用%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="96"/>
        <source>&lt;h3&gt;Annual Report Editor %1&lt;/h3&gt;&lt;p&gt;Writes the annual report on building a law-based government (法治政府建设年度报告) in the official document format.&lt;/p&gt;&lt;p&gt;Qt for Python %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;法治政府建设年度报告编辑器 %1&lt;/h3&gt;&lt;p&gt;按公文格式编写法治政府建设年度报告。&lt;/p&gt;&lt;p&gt;Qt for Python %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="103"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="109"/>
        <source>The program was not closed normally. Recovered copies of unsaved work were found:

%1

Restore them?</source>
        <translation>程序上次没有正常关闭。找到了以下未保存工作的恢复副本：

%1

是否恢复？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="112"/>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="139"/>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="148"/>
        <source>Text to find</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="150"/>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="151"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="154"/>
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="155"/>
        <source>Find Previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="156"/>
        <location filename="../../editor/ui/find_replace.py" line="273"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="157"/>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="158"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="164"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="166"/>
        <source>Re&amp;place with:</source>
        <translation>替换为(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="221"/>
        <source> (inside a metric value: change the metric to change it)</source>
        <translation>（位于指标数值中：请修改该指标）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="222"/>
        <source>Match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="230"/>
        <source>“%1” was not found.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="267"/>
        <source>This match is part of a metric value and cannot be replaced here: change the metric in the metrics panel.</source>
        <translation>此处是指标数值的一部分，不能在这里替换：请在“指标”面板中修改该指标。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="289"/>
        <source>Replace all “%1”</source>
        <translation>全部替换“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="290"/>
        <source>Replaced %1 match(es).</source>
        <translation>已替换 %1 处。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="292"/>
        <source>%1 match(es) inside metric values were left unchanged.</source>
        <translation>另有 %1 处位于指标数值中，未改动。</translation>
    </message>
</context>
<context>
    <name>ImportReviewDialog</name>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="39"/>
        <source>Import report: check the figures found</source>
        <translation>导入报告：核对识别出的指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="50"/>
        <source>%1 numbers were found in the text. Ticked numbers become metrics (rename them in the “Label” column); the text shown in the body stays the same. Unticked numbers remain plain text.</source>
        <translation>文中共找到 %1 个数字。勾选的数字会成为指标（可在“标签”列修改名称），正文显示的文字保持不变；不勾选的保留为普通文字。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="56"/>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="56"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="56"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="56"/>
        <source>Change</source>
        <translation>同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="56"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="69"/>
        <source>Double-click to rename the metric</source>
        <translation>双击修改指标名称</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="80"/>
        <source>Accept all</source>
        <translation>全部采用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="81"/>
        <source>Accept none</source>
        <translation>全部不采用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="90"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../editor/ui/import_dialog.py" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="451"/>
        <source>Carried over from last year&apos;s report: revise it for this year.</source>
        <translation>此项沿用自上年报告：请按本年度情况修改。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="457"/>
        <source>Lead sentence, e.g. 全面加强依法行政制度建设。</source>
        <translation>首句，如：全面加强依法行政制度建设。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="458"/>
        <source>&amp;Lead sentence:</source>
        <translation>首句(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="459"/>
        <source>&amp;Run in: lead and first paragraph form one paragraph</source>
        <translation>首句与第一段正文合为一段(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="460"/>
        <source>N&amp;umbered</source>
        <translation>编号(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="461"/>
        <source>Body text: one paragraph per line. Ctrl+M inserts a metric.</source>
        <translation>正文：每行一段。按 Ctrl+M 插入指标。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="463"/>
        <source>&amp;Body:</source>
        <translation>正文(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="466"/>
        <source>Add &amp;sub-item</source>
        <translation>添加子项(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="488"/>
        <source>Item %1</source>
        <translation>事项%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="488"/>
        <source>Unnumbered item</source>
        <translation>不编号的事项</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="490"/>
        <source>%1 sub-item(s): select them in the outline.</source>
        <translation>%1 个子项：请在大纲中选择。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/ui/main_window.py" line="82"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="91"/>
        <source>Preview not available</source>
        <translation>预览不可用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="92"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="101"/>
        <source>Metrics panel not available</source>
        <translation>指标面板不可用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="102"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="111"/>
        <source>Problems panel not available</source>
        <translation>问题面板不可用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="112"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="171"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="172"/>
        <source>Start a new report from a template</source>
        <translation>从模板新建报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="173"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="174"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="175"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="178"/>
        <source>Export &amp;Word…</source>
        <translation>导出 Word(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="180"/>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="182"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="183"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="187"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="190"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="193"/>
        <source>&amp;Find and Replace…</source>
        <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="194"/>
        <source>Insert &amp;metric…</source>
        <translation>插入指标(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="196"/>
        <source>Ma&amp;ke metric from selection</source>
        <translation>将选中内容设为指标(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="198"/>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="203"/>
        <source>Add &amp;section</source>
        <translation>添加部分(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="205"/>
        <source>Add &amp;item</source>
        <translation>添加事项(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="206"/>
        <source>Add s&amp;ub-item</source>
        <translation>添加子项(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="208"/>
        <source>&amp;Delete part</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="210"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="212"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="214"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="218"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="222"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="235"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="247"/>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="256"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="264"/>
        <source>Go to &amp;outline</source>
        <translation>转到大纲(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="265"/>
        <source>Go to &amp;form</source>
        <translation>转到表单(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="266"/>
        <source>Go to pre&amp;view</source>
        <translation>转到预览(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="267"/>
        <source>Go to &amp;metrics</source>
        <translation>转到指标(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="268"/>
        <source>Go to &amp;problems</source>
        <translation>转到问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="273"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="286"/>
        <source>%1 page(s)</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="291"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="373"/>
        <location filename="../../editor/ui/main_window.py" line="440"/>
        <location filename="../../editor/ui/main_window.py" line="701"/>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="374"/>
        <location filename="../../editor/ui/main_window.py" line="454"/>
        <source>Report projects (*%1)</source>
        <translation>报告项目文件 (*%1)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="430"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="434"/>
        <source>&amp;Clear list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="441"/>
        <source>“%1” no longer exists and was removed from the list.</source>
        <translation>“%1”已不存在，已从列表中移除。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="453"/>
        <source>Save report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="468"/>
        <location filename="../../editor/ui/main_window.py" line="475"/>
        <location filename="../../editor/ui/main_window.py" line="484"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="469"/>
        <source>“%1” is open in another window. Choose another name.</source>
        <translation>“%1”已在另一个窗口中打开，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="499"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="514"/>
        <location filename="../../editor/ui/main_window.py" line="533"/>
        <source>Export Word</source>
        <translation>导出 Word</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="514"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="520"/>
        <source>Exporting the Word file…</source>
        <translation>正在导出 Word 文件…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="520"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="530"/>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="542"/>
        <location filename="../../editor/ui/main_window.py" line="559"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="542"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="548"/>
        <source>Exporting the PDF (LibreOffice)…</source>
        <translation>正在导出 PDF（LibreOffice）…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="570"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="572"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="623"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="626"/>
        <source>Autosaved</source>
        <translation>已自动保存</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="636"/>
        <source>“%1” has unsaved changes. Save them?</source>
        <translation>“%1”有未保存的修改，是否保存？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="710"/>
        <source>“%1” is already open in another window of this program (%2).</source>
        <translation>“%1”已在本程序的另一个窗口中打开（%2）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="720"/>
        <source>The program that held it seems to have stopped. Remove the lock and open the project?</source>
        <translation>占用它的程序似乎已经停止运行。是否解除锁定并打开该项目？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="722"/>
        <source>Open it anyway? Only do this if you are sure it is not being edited: two people saving the same file lose work.</source>
        <translation>仍要打开吗？请确认没有人正在编辑它：两人同时保存同一文件会丢失修改。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="764"/>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="778"/>
        <source>Restored from the recovery copy of %1</source>
        <translation>已从 %1 的恢复副本中恢复</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="30"/>
        <source>current project</source>
        <translation>当前项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="67"/>
        <source>Merge other projects</source>
        <translation>合并其他项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="71"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="72"/>
        <source>Merging %1 projects: %2.</source>
        <translation>将合并 %1 个项目：%2。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="75"/>
        <source>%1 parts taken or added automatically (filled in on one side only, identical, or only in the other projects).</source>
        <translation>自动采用或新增 %1 处（只有一方填写、内容相同或只在其他项目中的部分）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="79"/>
        <source>%1 parts are filled in on both sides with different content: choose which side to use for each.</source>
        <translation>有 %1 处两边都填写了但内容不同，请逐一选择采用哪一方。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="82"/>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="109"/>
        <source>Use %1 for all</source>
        <translation>全部采用%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="119"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="120"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../editor/ui/merge_dialog.py" line="143"/>
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
        <location filename="../../editor/ui/metrics_panel.py" line="58"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="59"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="60"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="61"/>
        <source>Scale</source>
        <translation>数量级</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="62"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="63"/>
        <source>Last year</source>
        <translation>上年数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="64"/>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="65"/>
        <source>Change</source>
        <translation>同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="66"/>
        <source>Used in</source>
        <translation>使用处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="97"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="97"/>
        <source>Preamble</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="97"/>
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="98"/>
        <source>Signature</source>
        <translation>落款</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="98"/>
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="98"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="99"/>
        <source>Introduction</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="99"/>
        <source>Lead sentence</source>
        <translation>首句</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="99"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="111"/>
        <source>%1 paragraph %2</source>
        <translation>%1第%2段</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="261"/>
        <source>万 or 亿 written after the number (2.5万人次)</source>
        <translation>写在数字后面的“万”或“亿”（如 2.5万人次）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="262"/>
        <source>余 逾 近 约 超 多 以上 左右 达 …</source>
        <translation>余、逾、近、约、超、多、以上、左右、达……</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="263"/>
        <source>Last year&apos;s value, same unit and scale: gives the year-on-year change</source>
        <translation>上年数值（单位和数量级与本年相同），用于计算同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="264"/>
        <source>A rate (%): its change is written in 个百分点</source>
        <translation>比率（%）：其变化以“个百分点”表示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="265"/>
        <source>Computed from the value and last year&apos;s value</source>
        <translation>由本年数值和上年数值自动计算</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="266"/>
        <source>How many paragraphs use this metric</source>
        <translation>正文中使用该指标的段落数</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="322"/>
        <source>In the text: %1</source>
        <translation>正文中显示为：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="322"/>
        <source>Not filled in yet</source>
        <translation>尚未填写</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="325"/>
        <source>Fill in last year&apos;s value to compute the change</source>
        <translation>填写上年数值后即可计算同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="326"/>
        <source>The change cannot be computed (last year&apos;s value is 0 or invalid)</source>
        <translation>无法计算同比变化（上年数值为 0 或无效）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="330"/>
        <source>Not used in the text</source>
        <translation>正文中未使用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="389"/>
        <source>Edit metric “%1”</source>
        <translation>修改指标“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="409"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="504"/>
        <source>Filter metrics (label, value, unit)…</source>
        <translation>筛选指标（名称、数值、单位）…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="507"/>
        <location filename="../../editor/ui/metrics_panel.py" line="618"/>
        <source>Add metric</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="509"/>
        <location filename="../../editor/ui/metrics_panel.py" line="644"/>
        <location filename="../../editor/ui/metrics_panel.py" line="657"/>
        <source>Delete metric</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="515"/>
        <source>Double-click to go to the paragraph</source>
        <translation>双击转到该段落</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="517"/>
        <source>Used in:</source>
        <translation>使用处：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="598"/>
        <source>(not used in the text)</source>
        <translation>（正文中未使用）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="617"/>
        <source>New metric</source>
        <translation>新指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="645"/>
        <source>“%1” is used in %2 paragraph(s). If you delete it, those places will show a missing-metric marker. Delete anyway?</source>
        <translation>“%1”在 %2 个段落中使用。删除后，这些位置将显示“指标缺失”标记。仍要删除吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/ui/metrics_panel.py" line="654"/>
        <source>Delete %n metric(s)</source>
        <translation>
            <numerusform>删除 %n 个指标</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewFromTemplateDialog</name>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="33"/>
        <source>New report</source>
        <translation>新建报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="53"/>
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
        <location filename="../../editor/ui/dialogs.py" line="67"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="76"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="79"/>
        <source>&amp;Language (after restart):</source>
        <translation>界面语言（重启后生效）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/dialogs.py" line="80"/>
        <source>&amp;Autosave every:</source>
        <translation>自动保存间隔(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="74"/>
        <source>All</source>
        <extracomment>the user asked to go to the field of a finding (double-click) the list was updated with new findings</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="75"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="76"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="77"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="80"/>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="81"/>
        <source>Apply the suggested correction to the selected problem</source>
        <translation>对选中的问题应用建议的修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="82"/>
        <source>Fix all</source>
        <translation>全部修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="83"/>
        <source>Apply every suggested correction (one undo step)</source>
        <translation>应用所有建议的修正（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="84"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="92"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="92"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="92"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="161"/>
        <source>The checks failed: %s</source>
        <translation>检查未能完成：%s</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="200"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="200"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="200"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="215"/>
        <location filename="../../editor/ui/problems_panel.py" line="273"/>
        <source>Fix: %s</source>
        <translation>修正：%s</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="230"/>
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>%1 个错误，%2 个警告，%3 个提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="288"/>
        <source>Fix all problems</source>
        <translation>修正所有问题</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="51"/>
        <source>The window cannot open a new report.</source>
        <translation>窗口无法打开新的报告。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="54"/>
        <source>Open imported report</source>
        <translation>打开导入的报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="122"/>
        <location filename="../../editor/ui/report_actions.py" line="168"/>
        <source>Merge other projects</source>
        <translation>合并其他项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="128"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="129"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="131"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="133"/>
        <source>Import an existing report from Word (.docx) or a text file</source>
        <translation>从 Word（.docx）或文本文件导入已有报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="134"/>
        <location filename="../../editor/ui/report_actions.py" line="156"/>
        <source>New next-year report</source>
        <translation>新建下一年度报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="136"/>
        <source>Create next year&apos;s report from the current one; this year&apos;s figures become the previous-year values</source>
        <translation>以当前报告为基础生成下一年度的报告，去年的数字成为上年值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="138"/>
        <source>Merge other projects…</source>
        <translation>合并其他项目…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="140"/>
        <source>Merge projects drafted by colleagues into the current report</source>
        <translation>把同事分工起草的项目合并到当前报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="144"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="145"/>
        <source>Report files (*.docx *.txt *.md);;Word documents (*.docx);;Text files (*.txt *.md)</source>
        <translation>报告文件 (*.docx *.txt *.md);;Word 文档 (*.docx);;文本文件 (*.txt *.md)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="151"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="157"/>
        <location filename="../../editor/ui/report_actions.py" line="169"/>
        <source>Please open a report first.</source>
        <translation>请先打开一个报告。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="159"/>
        <source>Cannot create next year&apos;s report</source>
        <translation>无法生成下一年度报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="163"/>
        <source>Choose projects to merge</source>
        <translation>选择要合并的项目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="163"/>
        <source>Report projects (*.fzbg)</source>
        <translation>报告项目 (*.fzbg)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/report_actions.py" line="171"/>
        <source>Cannot merge</source>
        <translation>无法合并</translation>
    </message>
</context>
<context>
    <name>ReportInfoForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="223"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="225"/>
        <source>&amp;Organisations (one per line):</source>
        <translation>机关名称（每行一个）(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="237"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="239"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="241"/>
        <source>&amp;Title (empty: generated):</source>
        <translation>标题（留空则自动生成）(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="244"/>
        <source>&amp;Preamble:</source>
        <translation>开头(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="245"/>
        <source>&amp;Closing:</source>
        <translation>结尾(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="246"/>
        <source>&amp;Signature (one line each):</source>
        <translation>落款（每行一个）(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="247"/>
        <source>&amp;Date written (成文日期):</source>
        <translation>成文日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="247"/>
        <source>Date written</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="248"/>
        <source>P&amp;ublication date:</source>
        <translation>发布日期(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="248"/>
        <source>Publication date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="249"/>
        <source>&amp;Notes (附注):</source>
        <translation>附注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="252"/>
        <location filename="../../editor/ui/forms.py" line="256"/>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="254"/>
        <source>Public (web)</source>
        <translation>公开版（网站发布）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="255"/>
        <source>Formal (red header, colophon)</source>
        <translation>正式公文版（红头、版记）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="257"/>
        <source>&amp;Edition:</source>
        <translation>版本(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="259"/>
        <source>Issuer mark:</source>
        <translation>发文机关标志：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="260"/>
        <source>Document number:</source>
        <translation>发文字号：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="261"/>
        <source>Recipients:</source>
        <translation>主送机关：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="262"/>
        <source>Copies to (抄送):</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="263"/>
        <source>Printed by:</source>
        <translation>印发机关：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="264"/>
        <source>Print date:</source>
        <translation>印发日期：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="264"/>
        <source>Print date</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="271"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="276"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="276"/>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="276"/>
        <source>Level-1 heading</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="277"/>
        <source>Level-2 heading</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="277"/>
        <source>Level-3 heading</source>
        <translation>三级标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="278"/>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="278"/>
        <source>Issuer mark</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="305"/>
        <source>⚠ not installed here</source>
        <translation>⚠ 本机未安装</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="306"/>
        <source>The Word file names this font; the preview and PDF use %1.</source>
        <translation>Word 文件中使用此字体名称；预览和 PDF 使用 %1。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="312"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="323"/>
        <source>&amp;Bold level-2 headings</source>
        <translation>二级标题加粗(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="324"/>
        <source>Bold level-3 headings</source>
        <translation>三级标题加粗</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="326"/>
        <source>Number level-3 items continuously</source>
        <translation>三级标题连续编号</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="327"/>
        <source>Page &amp;numbers:</source>
        <translation>页码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="328"/>
        <source>Outside edge (odd right, even left)</source>
        <translation>外侧（单页居右，双页居左）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="329"/>
        <source>Centred</source>
        <translation>居中</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="329"/>
        <source>Page numbers</source>
        <translation>页码</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <location filename="../../editor/ui/forms.py" line="354"/>
        <source>Section heading</source>
        <translation>部分标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="355"/>
        <source>&amp;Heading:</source>
        <translation>标题(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="368"/>
        <source>Content kinds:</source>
        <translation>内容类别：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="369"/>
        <source>N&amp;umbered (一、)</source>
        <translation>编号（一、）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="370"/>
        <source>Introductory paragraphs (optional)</source>
        <translation>导语段落（可选）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="371"/>
        <source>&amp;Intro:</source>
        <translation>导语(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="373"/>
        <source>Add &amp;item</source>
        <translation>添加事项(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="376"/>
        <source>Metrics used in this section</source>
        <translation>本部分使用的指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="387"/>
        <source>(metric table not available)</source>
        <translation>（指标表不可用）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="423"/>
        <source>Section %1</source>
        <translation>第%1部分</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="424"/>
        <source>Unnumbered section</source>
        <translation>不编号的部分</translation>
    </message>
    <message>
        <location filename="../../editor/ui/forms.py" line="437"/>
        <source>Content kinds</source>
        <translation>内容类别</translation>
    </message>
</context>
<context>
    <name>TokenTextEdit</name>
    <message>
        <location filename="../../editor/ui/textedit.py" line="174"/>
        <location filename="../../editor/ui/textedit.py" line="389"/>
        <location filename="../../editor/ui/textedit.py" line="404"/>
        <source>Make metric</source>
        <translation>设为指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="176"/>
        <source>Insert metric…</source>
        <translation>插入指标…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="295"/>
        <source>Typing</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="390"/>
        <source>Select a figure such as 2041件 or 近5.9万宗 (digits, then the unit) first.</source>
        <translation>请先选中一个数字，如“2041件”或“近5.9万宗”（数字后接单位）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="401"/>
        <source>Make metric “%1”</source>
        <translation>设为指标“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="321"/>
        <source>Delete figure</source>
        <translation>删除数字</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="332"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="492"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="508"/>
        <source>Drag and drop</source>
        <translation>拖放</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="420"/>
        <source>Insert figure</source>
        <translation>插入数字</translation>
    </message>
</context>
</TS>
