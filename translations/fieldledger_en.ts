<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fieldledger::ui::AnomaliesView</name>
    <message numerus="yes">
        <source>%n anomaly(ies): events that could not apply as intended. Enter or a double click opens the record&apos;s audit trail.</source>
        <translation>
            <numerusform>%n anomaly: an event that could not apply as intended. Enter or a double click opens the record&apos;s audit trail.</numerusform>
            <numerusform>%n anomalies: events that could not apply as intended. Enter or a double click opens the record&apos;s audit trail.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AssignHouseholdsDialog</name>
    <message numerus="yes">
        <source>Showing the first %n households; type more of a name to find others.</source>
        <translation>
            <numerusform>Showing %n household; type more of a name to find others.</numerusform>
            <numerusform>Showing the first %n households; type more of a name to find others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) assigned.</source>
        <translation>
            <numerusform>%n household assigned.</numerusform>
            <numerusform>%n households assigned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to save.</source>
        <translation>
            <numerusform>%n change to save.</numerusform>
            <numerusform>%n changes to save.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AuditTrailView</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DeleteHouseholdDialog</name>
    <message numerus="yes">
        <source>The household %1 and its %n member(s) leave the household list. Their records stay in the audit trail, with the reason given here.</source>
        <translation>
            <numerusform>The household %1 and its %n member leave the household list. Their records stay in the audit trail, with the reason given here.</numerusform>
            <numerusform>The household %1 and its %n members leave the household list. Their records stay in the audit trail, with the reason given here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the household %1 and its %n member(s)?</source>
        <translation>
            <numerusform>Delete the household %1 and its %n member?</numerusform>
            <numerusform>Delete the household %1 and its %n members?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DuplicatesPage</name>
    <message numerus="yes">
        <source>%n pair(s) to review.</source>
        <translation>
            <numerusform>%n pair to review.</numerusform>
            <numerusform>%n pairs to review.</numerusform>
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
        <source>Entries: %n</source>
        <translation>
            <numerusform>Entries: %n</numerusform>
            <numerusform>Entries: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n. Click one, or press Enter on it, to go to its field.</source>
        <translation>
            <numerusform>Issue to fix before the form can be submitted: %n. Click it, or press Enter on it, to go to its field.</numerusform>
            <numerusform>Issues to fix before the form can be submitted: %n. Click one, or press Enter on it, to go to its field.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdDetail</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
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
        <source>History (events: %n)</source>
        <translation>
            <numerusform>History (events: %n)</numerusform>
            <numerusform>History (events: %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdsPage</name>
    <message numerus="yes">
        <source>%Ln household(s)</source>
        <translation>
            <numerusform>%Ln household</numerusform>
            <numerusform>%Ln households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln found</source>
        <translation>
            <numerusform>%Ln found</numerusform>
            <numerusform>%Ln found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::IntegrityPanel</name>
    <message numerus="yes">
        <source>%n event(s), signed %1</source>
        <translation>
            <numerusform>%n event, signed %1</numerusform>
            <numerusform>%n events, signed %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Audit path (%n hash(es), the leaf&apos;s sibling first):</source>
        <translation>
            <numerusform>Audit path (%n hash, the leaf&apos;s sibling first):</numerusform>
            <numerusform>Audit path (%n hashes, the leaf&apos;s sibling first):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RegistryAsOfDialog</name>
    <message numerus="yes">
        <source>%n household(s) as of %1. Enter or a double click shows one as it was then.</source>
        <translation>
            <numerusform>%n household as of %1. Enter or a double click shows it as it was then.</numerusform>
            <numerusform>%n households as of %1. Enter or a double click shows one as it was then.</numerusform>
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
        <translation>
            <numerusform>At %1, before the first of %n event</numerusform>
            <numerusform>At %1, before the first of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Before the first of %n event(s)</source>
        <translation>
            <numerusform>Before the first of %n event</numerusform>
            <numerusform>Before the first of %n events</numerusform>
        </translation>
    </message>
</context>
</TS>
