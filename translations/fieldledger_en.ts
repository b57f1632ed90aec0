<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fieldledger::ui::AuditTrailView</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ExportDialog</name>
    <message numerus="yes">
        <source>Exported %n rows to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::FormView</name>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n.</source>
        <translation>
            <numerusform>Issue to fix before the form can be submitted: %n.</numerusform>
            <numerusform>Issues to fix before the form can be submitted: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n. Press Enter on one to go to its field.</source>
        <translation>
            <numerusform>Issue to fix before the form can be submitted: %n. Press Enter on it to go to its field.</numerusform>
            <numerusform>Issues to fix before the form can be submitted: %n. Press Enter on one to go to its field.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entries: %n</source>
        <translation>
            <numerusform>Entries: %n</numerusform>
            <numerusform>Entries: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdProfileReport</name>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation>
            <numerusform>Members (%n)</numerusform>
            <numerusform>Members (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>History (%n events)</source>
        <translation>
            <numerusform>History (%n event)</numerusform>
            <numerusform>History (%n events)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RosterModel</name>
    <message numerus="yes">
        <source>Issues: %n</source>
        <translation>
            <numerusform>Issues: %n</numerusform>
            <numerusform>Issues: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RosterWidget</name>
    <message numerus="yes">
        <source>Entries: %n</source>
        <translation>
            <numerusform>Entries: %n</numerusform>
            <numerusform>Entries: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No more entries can be added: the limit is %n.</source>
        <translation>
            <numerusform>No more entries can be added: the limit is %n.</numerusform>
            <numerusform>No more entries can be added: the limit is %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This entry cannot be removed: at least %n must stay.</source>
        <translation>
            <numerusform>This entry cannot be removed: at least %n must stay.</numerusform>
            <numerusform>This entry cannot be removed: at least %n must stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::TimeTravelView</name>
    <message numerus="yes">
        <source>At %1, before the first of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Before the first of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
