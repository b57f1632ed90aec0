<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="14"/>
        <source>Settings — FieldLedger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="46"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="59"/>
        <source>Menus, dialogs and messages change at once. Forms show their labels in this language when they have it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="85"/>
        <source>Lock when &amp;idle after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="101"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="104"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="120"/>
        <source>With no keyboard or mouse use for this long, FieldLedger saves open forms as drafts, closes the registry and asks for the passphrase again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="146"/>
        <source>&amp;Device name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session/settingsdialog.ui" line="163"/>
        <source>How this computer is known to your team, for example “Laptop 3 – Kalo team”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
