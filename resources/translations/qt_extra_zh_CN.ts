<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that qtbase_zh_CN (shipped with PySide6) leaves in English, seen in the file
     dialogs: the type column of the file list, and labels whose source text this Qt gives a mnemonic
     (qtbase_zh_CN has them only without: "Look in:", "Page Set:"). Loaded after qtbase_zh_CN by editor/ui/i18n.py. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Drive</source><translation>驱动器</translation></message>
    <message><source>Folder</source><translation>文件夹</translation></message>
    <message><source>File Folder</source><translation>文件夹</translation></message>
    <message><source>Alias</source><translation>别名</translation></message>
    <message><source>Shortcut</source><translation>快捷方式</translation></message>
    <message><source>%1 File</source><translation>%1 文件</translation></message>
    <message><source>File</source><translation>文件</translation></message>
    <message><source>Unknown</source><translation>未知</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Page &amp;Set:</source><translation>页面组(&amp;S)：</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>%1 bytes</source><translation>%1 字节</translation></message>
</context>
</TS>
