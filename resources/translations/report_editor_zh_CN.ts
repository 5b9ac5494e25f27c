<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="139" />
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="148" />
        <source>Text to find</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="150" />
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="151" />
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="154" />
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="155" />
        <source>Find Previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="156" />
        <location filename="../../editor/ui/find_replace.py" line="273" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="157" />
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="158" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="164" />
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="166" />
        <source>Re&amp;place with:</source>
        <translation>替换为(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="221" />
        <source> (inside a metric value: change the metric to change it)</source>
        <translation>（位于指标数值中：请修改该指标）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="222" />
        <source>Match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="230" />
        <source>“%1” was not found.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="267" />
        <source>This match is part of a metric value and cannot be replaced here: change the metric in the metrics panel.</source>
        <translation>此处是指标数值的一部分，不能在这里替换：请在“指标”面板中修改该指标。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="289" />
        <source>Replace all “%1”</source>
        <translation>全部替换“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="290" />
        <source>Replaced %1 match(es).</source>
        <translation>已替换 %1 处。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_replace.py" line="292" />
        <source>%1 match(es) inside metric values were left unchanged.</source>
        <translation>另有 %1 处位于指标数值中，未改动。</translation>
    </message>
</context>
<context>
    <name>MetricPickerDialog</name>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="35" />
        <source>Insert metric</source>
        <translation>插入指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="45" />
        <source>No year-on-year change (last year's value missing)</source>
        <translation>无法计算同比变化（缺少上年数值）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="51" />
        <source>Type to filter…</source>
        <translation>输入文字筛选…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="60" />
        <source>Insert the year-on-year change instead of the value</source>
        <translation>插入同比变化，而不是数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metric_picker.py" line="61" />
        <source>This report has no metrics yet. Add them in the metrics panel, or select a figure in the text and choose “Make metric”.</source>
        <translation>本报告还没有指标。请在“指标”面板中添加，或在正文中选中一个数字后选择“设为指标”。</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="58" />
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="59" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="60" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="61" />
        <source>Scale</source>
        <translation>数量级</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="62" />
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="63" />
        <source>Last year</source>
        <translation>上年数值</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="64" />
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="65" />
        <source>Change</source>
        <translation>同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="66" />
        <source>Used in</source>
        <translation>使用处</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="97" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="97" />
        <source>Preamble</source>
        <translation>开头</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="97" />
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="98" />
        <source>Signature</source>
        <translation>落款</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="98" />
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="98" />
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="99" />
        <source>Introduction</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="99" />
        <source>Lead sentence</source>
        <translation>首句</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="99" />
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="111" />
        <source>%1 paragraph %2</source>
        <translation>%1第%2段</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="261" />
        <source>万 or 亿 written after the number (2.5万人次)</source>
        <translation>写在数字后面的“万”或“亿”（如 2.5万人次）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="262" />
        <source>余 逾 近 约 超 多 以上 左右 达 …</source>
        <translation>余、逾、近、约、超、多、以上、左右、达……</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="263" />
        <source>Last year's value, same unit and scale: gives the year-on-year change</source>
        <translation>上年数值（单位和数量级与本年相同），用于计算同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="264" />
        <source>A rate (%): its change is written in 个百分点</source>
        <translation>比率（%）：其变化以“个百分点”表示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="265" />
        <source>Computed from the value and last year's value</source>
        <translation>由本年数值和上年数值自动计算</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="266" />
        <source>How many paragraphs use this metric</source>
        <translation>正文中使用该指标的段落数</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="322" />
        <source>In the text: %1</source>
        <translation>正文中显示为：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="322" />
        <source>Not filled in yet</source>
        <translation>尚未填写</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="325" />
        <source>Fill in last year's value to compute the change</source>
        <translation>填写上年数值后即可计算同比变化</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="326" />
        <source>The change cannot be computed (last year's value is 0 or invalid)</source>
        <translation>无法计算同比变化（上年数值为 0 或无效）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="330" />
        <source>Not used in the text</source>
        <translation>正文中未使用</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="389" />
        <source>Edit metric “%1”</source>
        <translation>修改指标“%1”</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="409" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="501" />
        <source>Filter metrics (label, value, unit)…</source>
        <translation>筛选指标（名称、数值、单位）…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="504" />
        <location filename="../../editor/ui/metrics_panel.py" line="601" />
        <source>Add metric</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="506" />
        <location filename="../../editor/ui/metrics_panel.py" line="627" />
        <location filename="../../editor/ui/metrics_panel.py" line="640" />
        <source>Delete metric</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="512" />
        <source>Double-click to go to the paragraph</source>
        <translation>双击转到该段落</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="514" />
        <source>Used in:</source>
        <translation>使用处：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="581" />
        <source>(not used in the text)</source>
        <translation>（正文中未使用）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="600" />
        <source>New metric</source>
        <translation>新指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/metrics_panel.py" line="628" />
        <source>“%1” is used in %2 paragraph(s). If you delete it, those places will show a missing-metric marker. Delete anyway?</source>
        <translation>“%1”在 %2 个段落中使用。删除后，这些位置将显示“指标缺失”标记。仍要删除吗？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/ui/metrics_panel.py" line="637" />
        <source>Delete %n metric(s)</source>
        <translation><numerusform>删除 %n 个指标</numerusform></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="73" />
        <source>All</source>
        <extracomment>the user asked to go to the field of a finding (double-click) the list was updated with new findings</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="74" />
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="75" />
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="76" />
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="79" />
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="80" />
        <source>Apply the suggested correction to the selected problem</source>
        <translation>对选中的问题应用建议的修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="81" />
        <source>Fix all</source>
        <translation>全部修正</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="82" />
        <source>Apply every suggested correction (one undo step)</source>
        <translation>应用所有建议的修正（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="83" />
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="91" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="91" />
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="91" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="156" />
        <source>The checks failed: %s</source>
        <translation>检查未能完成：%s</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="185" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="185" />
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="185" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="200" />
        <location filename="../../editor/ui/problems_panel.py" line="258" />
        <source>Fix: %s</source>
        <translation>修正：%s</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="215" />
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>%1 个错误，%2 个警告，%3 个提示</translation>
    </message>
    <message>
        <location filename="../../editor/ui/problems_panel.py" line="273" />
        <source>Fix all problems</source>
        <translation>修正所有问题</translation>
    </message>
</context>
<context>
    <name>TokenTextEdit</name>
    <message>
        <location filename="../../editor/ui/textedit.py" line="171" />
        <location filename="../../editor/ui/textedit.py" line="386" />
        <location filename="../../editor/ui/textedit.py" line="401" />
        <source>Make metric</source>
        <translation>设为指标</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="173" />
        <source>Insert metric…</source>
        <translation>插入指标…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="292" />
        <source>Typing</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="387" />
        <source>Select a figure such as 2041件 or 近5.9万宗 (digits, then the unit) first.</source>
        <translation>请先选中一个数字，如“2041件”或“近5.9万宗”（数字后接单位）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/textedit.py" line="398" />
        <source>Make metric “%1”</source>
        <translation>设为指标“%1”</translation>
    </message>
</context>
</TS>