<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Add an account</source>
            <translation>Add an account</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
        <message>
            <source>Administrator (may add and disable accounts)</source>
            <translation>Administrator (may add and disable accounts)</translation>
        </message>
        <message>
            <source>e.g. liming</source>
            <translation>e.g. liming</translation>
        </message>
        <message>
            <source>The name is what the person types to sign in: lower-case letters, digits and _, starting with a letter. They may change what belongs to their region and level.</source>
            <translation>The name is what the person types to sign in: lower-case letters, digits and _, starting with a letter. They may change what belongs to their region and level.</translation>
        </message>
        <message>
            <source>Enter the account's name.</source>
            <translation>Enter the account's name.</translation>
        </message>
        <message>
            <source>Choose the account's region.</source>
            <translation>Choose the account's region.</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <source>Enter a password.</source>
            <translation>Enter a password.</translation>
        </message>
        <message>
            <source>The two passwords differ; type the same one twice.</source>
            <translation>The two passwords differ; type the same one twice.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Disabled: may not sign in</source>
            <translation>Disabled: may not sign in</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Account not added</source>
            <translation>Account not added</translation>
        </message>
        <message>
            <source>Account %1 added; it may sign in now.</source>
            <translation>Account %1 added; it may sign in now.</translation>
        </message>
        <message>
            <source>Not disabled</source>
            <translation>Not disabled</translation>
        </message>
        <message>
            <source>%1 is the account you are signed in with; another administrator must disable it.</source>
            <translation>%1 is the account you are signed in with; another administrator must disable it.</translation>
        </message>
        <message>
            <source>Disable account</source>
            <translation>Disable account</translation>
        </message>
        <message>
            <source>Disable %1? The person may no longer sign in; what they did keeps their name. Connections open now stay open until they close.</source>
            <translation>Disable %1? The person may no longer sign in; what they did keeps their name. Connections open now stay open until they close.</translation>
        </message>
        <message>
            <source>Account %1 disabled.</source>
            <translation>Account %1 disabled.</translation>
        </message>
        <message>
            <source>Password not changed</source>
            <translation>Password not changed</translation>
        </message>
        <message>
            <source>The password of %1 was changed.</source>
            <translation>The password of %1 was changed.</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>The people who sign in to this database, each with a login of their own on the server. A province account may change everything; a city one what belongs to its city and its counties; a county one what belongs to its county. The server holds these rules, whatever program is used.</source>
            <translation>The people who sign in to this database, each with a login of their own on the server. A province account may change everything; a city one what belongs to its city and its counties; a county one what belongs to its county. The server holds these rules, whatever program is used.</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Disable</translation>
        </message>
        <message>
            <source>Change password…</source>
            <translation>Change password…</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>The row was changed by someone else since your edit, so the undo history was cleared and nothing was overwritten.</source>
            <translation>The row was changed by someone else since your edit, so the undo history was cleared and nothing was overwritten.</translation>
        </message>
    </context>
    <context>
        <name>CandidatesTab</name>
        <message>
            <source>Candidate</source>
            <translation>Candidate</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Rules that flagged it</source>
            <translation>Rules that flagged it</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>Recommendation</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>All rules</source>
            <translation>All rules</translation>
        </message>
        <message>
            <source>All recommendations</source>
            <translation>All recommendations</translation>
        </message>
        <message>
            <source>All decisions</source>
            <translation>All decisions</translation>
        </message>
        <message>
            <source>Only the province decides on retirement.</source>
            <translation>Only the province decides on retirement.</translation>
        </message>
        <message>
            <source>%1 of %2 shown · %3 selected</source>
            <translation>%1 of %2 shown · %3 selected</translation>
        </message>
        <message>
            <source>Choose a candidate to see its evidence.</source>
            <translation>Choose a candidate to see its evidence.</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <source>Saving %1 decision(s)…</source>
            <translation>Saving %1 decision(s)…</translation>
        </message>
        <message>
            <source>%1 set to %2</source>
            <translation>%1 set to %2</translation>
        </message>
        <message>
            <source>%1 candidates set to %2</source>
            <translation>%1 candidates set to %2</translation>
        </message>
        <message>
            <source>Saved: %1. Undo takes it back.</source>
            <translation>Saved: %1. Undo takes it back.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>Someone else decided on %1 since the list was read, so none of the %2 decisions was saved. The list now shows their decisions: check them and choose again.</source>
            <translation>Someone else decided on %1 since the list was read, so none of the %2 decisions was saved. The list now shows their decisions: check them and choose again.</translation>
        </message>
        <message>
            <source>some of these candidates</source>
            <translation>some of these candidates</translation>
        </message>
        <message>
            <source>Select all shown</source>
            <translation>Select all shown</translation>
        </message>
        <message>
            <source>Accept selected</source>
            <translation>Accept selected</translation>
        </message>
        <message>
            <source>Reject selected</source>
            <translation>Reject selected</translation>
        </message>
        <message>
            <source>Set selected undecided</source>
            <translation>Set selected undecided</translation>
        </message>
        <message>
            <source>Search code or name…</source>
            <translation>Search code or name…</translation>
        </message>
    </context>
    <context>
        <name>ChecklistDialog</name>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Division code</source>
            <translation>Division code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>Chinese name</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>English name</translation>
        </message>
        <message>
            <source>Plate</source>
            <translation>Plate</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Division kind</source>
            <translation>Division kind</translation>
        </message>
        <message>
            <source>Parent region</source>
            <translation>Parent region</translation>
        </message>
        <message>
            <source>Owner level</source>
            <translation>Owner level</translation>
        </message>
        <message>
            <source>Owner region</source>
            <translation>Owner region</translation>
        </message>
        <message>
            <source>Home depot</source>
            <translation>Home depot</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>County</source>
            <translation>County</translation>
        </message>
        <message>
            <source>Exhibit slots</source>
            <translation>Exhibit slots</translation>
        </message>
        <message>
            <source>Crew size</source>
            <translation>Crew size</translation>
        </message>
        <message>
            <source>In service since</source>
            <translation>In service since</translation>
        </message>
        <message>
            <source>Odometer (km)</source>
            <translation>Odometer (km)</translation>
        </message>
        <message>
            <source>Odometer read on</source>
            <translation>Odometer read on</translation>
        </message>
        <message>
            <source>Value (yuan)</source>
            <translation>Value (yuan)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>Themes</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>Use</source>
            <translation>Use</translation>
        </message>
        <message>
            <source>Length (cm)</source>
            <translation>Length (cm)</translation>
        </message>
        <message>
            <source>Width (cm)</source>
            <translation>Width (cm)</translation>
        </message>
        <message>
            <source>Height (cm)</source>
            <translation>Height (cm)</translation>
        </message>
        <message>
            <source>Weight (kg)</source>
            <translation>Weight (kg)</translation>
        </message>
        <message>
            <source>Power (W)</source>
            <translation>Power (W)</translation>
        </message>
        <message>
            <source>Acquired on</source>
            <translation>Acquired on</translation>
        </message>
        <message>
            <source>Service life (years)</source>
            <translation>Service life (years)</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>Condition</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>Depot</translation>
        </message>
        <message>
            <source>Caravan</source>
            <translation>Caravan</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Set</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <source>Hall area (m²)</source>
            <translation>Hall area (m²)</translation>
        </message>
        <message>
            <source>Install days</source>
            <translation>Install days</translation>
        </message>
        <message>
            <source>Uninstall days</source>
            <translation>Uninstall days</translation>
        </message>
        <message>
            <source>Truck loads</source>
            <translation>Truck loads</translation>
        </message>
        <message>
            <source>Formed on</source>
            <translation>Formed on</translation>
        </message>
        <message>
            <source>Required make-up</source>
            <translation>Required make-up</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Township</source>
            <translation>Township</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Caravan parking</source>
            <translation>Caravan parking</translation>
        </message>
        <message>
            <source>Open weekdays</source>
            <translation>Open weekdays</translation>
        </message>
        <message>
            <source>Opens</source>
            <translation>Opens</translation>
        </message>
        <message>
            <source>Closes</source>
            <translation>Closes</translation>
        </message>
        <message>
            <source>Key county</source>
            <translation>Key county</translation>
        </message>
        <message>
            <source>Venue</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>Earliest</source>
            <translation>Earliest</translation>
        </message>
        <message>
            <source>Latest</source>
            <translation>Latest</translation>
        </message>
        <message>
            <source>Show days</source>
            <translation>Show days</translation>
        </message>
        <message>
            <source>Themes wanted</source>
            <translation>Themes wanted</translation>
        </message>
        <message>
            <source>Caravan types</source>
            <translation>Caravan types</translation>
        </message>
        <message>
            <source>Expected audience</source>
            <translation>Expected audience</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <source>Where now</source>
            <translation>Where now</translation>
        </message>
        <message>
            <source>Venue name</source>
            <translation>Venue name</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Compare plans</source>
            <translation>Compare plans</translation>
        </message>
        <message>
            <source>Requests served</source>
            <translation>Requests served</translation>
        </message>
        <message>
            <source>%1 · %2 · %3 — %4 (%5 days)</source>
            <translation>%1 · %2 · %3 — %4 (%5 days)</translation>
        </message>
        <message>
            <source>Against the first plan, the second serves %1 requests more and %2 fewer. Trips: %3 the same in both, %4 only in the first, %5 only in the second.</source>
            <translation>Against the first plan, the second serves %1 requests more and %2 fewer. Trips: %3 the same in both, %4 only in the first, %5 only in the second.</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Figures</translation>
        </message>
        <message>
            <source>Days per caravan</source>
            <translation>Days per caravan</translation>
        </message>
        <message>
            <source>Requests gained (%1)</source>
            <translation>Requests gained (%1)</translation>
        </message>
        <message>
            <source>Requests lost (%1)</source>
            <translation>Requests lost (%1)</translation>
        </message>
        <message>
            <source>Trips changed (%1)</source>
            <translation>Trips changed (%1)</translation>
        </message>
        <message>
            <source>Both sides show the same plan: choose another to compare with.</source>
            <translation>Both sides show the same plan: choose another to compare with.</translation>
        </message>
        <message>
            <source>The plans cover different dates: the first %1 — %2 (%3 days), the second %4 — %5 (%6 days). Their figures count different periods and requests: %7 requests are only among the first plan's, %8 only among the second's.</source>
            <translation>The plans cover different dates: the first %1 — %2 (%3 days), the second %4 — %5 (%6 days). Their figures count different periods and requests: %7 requests are only among the first plan's, %8 only among the second's.</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Share served (%)</source>
            <translation>Share served (%)</translation>
        </message>
        <message>
            <source>Key-county requests served</source>
            <translation>Key-county requests served</translation>
        </message>
        <message>
            <source>Key-county requests</source>
            <translation>Key-county requests</translation>
        </message>
        <message>
            <source>Kilometres</source>
            <translation>Kilometres</translation>
        </message>
        <message>
            <source>Days on the road</source>
            <translation>Days on the road</translation>
        </message>
        <message>
            <source>Caravan</source>
            <translation>Caravan</translation>
        </message>
        <message>
            <source>Days on the road,
%1</source>
            <translation>Days on the road,
%1</translation>
        </message>
        <message>
            <source>Trips,
%1</source>
            <translation>Trips,
%1</translation>
        </message>
        <message>
            <source>Trips changed</source>
            <translation>Trips changed</translation>
        </message>
        <message>
            <source>Outside its dates (%1 — %2)</source>
            <translation>Outside its dates (%1 — %2)</translation>
        </message>
        <message>
            <source>Not among its requests</source>
            <translation>Not among its requests</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>Venue</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>County</source>
            <translation>County</translation>
        </message>
        <message>
            <source>Key county</source>
            <translation>Key county</translation>
        </message>
        <message>
            <source>Show day in
%1</source>
            <translation>Show day in
%1</translation>
        </message>
        <message>
            <source>Caravan in
%1</source>
            <translation>Caravan in
%1</translation>
        </message>
        <message>
            <source>Why not in
%1</source>
            <translation>Why not in
%1</translation>
        </message>
        <message>
            <source>Only in</source>
            <translation>Only in</translation>
        </message>
        <message>
            <source>Trip</source>
            <translation>Trip</translation>
        </message>
        <message>
            <source>Leaves</source>
            <translation>Leaves</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>km</source>
            <translation>km</translation>
        </message>
        <message>
            <source>Stops</source>
            <translation>Stops</translation>
        </message>
        <message>
            <source>First plan</source>
            <translation>First plan</translation>
        </message>
        <message>
            <source>Compared with</source>
            <translation>Compared with</translation>
        </message>
        <message>
            <source>Requests gained</source>
            <translation>Requests gained</translation>
        </message>
        <message>
            <source>Requests lost</source>
            <translation>Requests lost</translation>
        </message>
        <message>
            <source>Trips</source>
            <translation>Trips</translation>
        </message>
        <message>
            <source>Show days</source>
            <translation>Show days</translation>
        </message>
        <message>
            <source>Caravans on the road</source>
            <translation>Caravans on the road</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>Figure</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Difference</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Changed by someone else</source>
            <translation>Changed by someone else</translation>
        </message>
        <message>
            <source>%1 %2 was changed by someone else after you opened it. Nothing was saved. Your values are below and on the clipboard; reload to see the saved ones.</source>
            <translation>%1 %2 was changed by someone else after you opened it. Nothing was saved. Your values are below and on the clipboard; reload to see the saved ones.</translation>
        </message>
        <message>
            <source>Reload and keep my values</source>
            <translation>Reload and keep my values</translation>
        </message>
        <message>
            <source>Reload the saved values</source>
            <translation>Reload the saved values</translation>
        </message>
        <message>
            <source>Copy my values</source>
            <translation>Copy my values</translation>
        </message>
        <message>
            <source>Keep editing</source>
            <translation>Keep editing</translation>
        </message>
        <message>
            <source>Your values:</source>
            <translation>Your values:</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <source>Unexpected error</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>Something went wrong that the program did not expect: %1. Your saved work is safe.</source>
            <translation>Something went wrong that the program did not expect: %1. Your saved work is safe.</translation>
        </message>
        <message>
            <source>Details are in the log file: %1</source>
            <translation>Details are in the log file: %1</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>No events are recorded yet.</source>
            <translation>No events are recorded yet.</translation>
        </message>
        <message>
            <source>Key counties without a show this year: %1</source>
            <translation>Key counties without a show this year: %1</translation>
        </message>
        <message>
            <source>Every key-assistance county had at least one show this year.</source>
            <translation>Every key-assistance county had at least one show this year.</translation>
        </message>
        <message>
            <source>Kilometres per caravan</source>
            <translation>Kilometres per caravan</translation>
        </message>
        <message>
            <source>Days on the road per caravan</source>
            <translation>Days on the road per caravan</translation>
        </message>
        <message>
            <source>Visitors per month</source>
            <translation>Visitors per month</translation>
        </message>
        <message>
            <source>Exhibits by condition</source>
            <translation>Exhibits by condition</translation>
        </message>
        <message>
            <source>Stops per set</source>
            <translation>Stops per set</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Year:</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Figures</translation>
        </message>
        <message>
            <source>Coverage map</source>
            <translation>Coverage map</translation>
        </message>
        <message>
            <source>Inventory map</source>
            <translation>Inventory map</translation>
        </message>
        <message>
            <source>Events held</source>
            <translation>Events held</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>Visitors</translation>
        </message>
        <message>
            <source>Counties covered</source>
            <translation>Counties covered</translation>
        </message>
        <message>
            <source>Key counties covered</source>
            <translation>Key counties covered</translation>
        </message>
        <message>
            <source>Caravan km driven</source>
            <translation>Caravan km driven</translation>
        </message>
        <message>
            <source>Caravan days on the road</source>
            <translation>Caravan days on the road</translation>
        </message>
        <message>
            <source>Working days used (shows)</source>
            <translation>Working days used (shows)</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <source>Added</source>
            <translation>Added</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>What changed</translation>
        </message>
        <message>
            <source>Stands in %1 (%2) from %3 to %4.</source>
            <translation>Stands in %1 (%2) from %3 to %4.</translation>
        </message>
        <message>
            <source>In store at %1.</source>
            <translation>In store at %1.</translation>
        </message>
        <message>
            <source>Last in %1 (%2) until %3.</source>
            <translation>Last in %1 (%2) until %3.</translation>
        </message>
        <message>
            <source>Next: %1 (%2) from %3, plan %4.</source>
            <translation>Next: %1 (%2) from %3, plan %4.</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Hall</source>
            <translation>Hall</translation>
        </message>
        <message>
            <source>County</source>
            <translation>County</translation>
        </message>
        <message>
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <source>Came from</source>
            <translation>Came from</translation>
        </message>
        <message>
            <source>Truck km</source>
            <translation>Truck km</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>Visitors</translation>
        </message>
        <message>
            <source>Record or plan</source>
            <translation>Record or plan</translation>
        </message>
        <message>
            <source>Plan %1 (%2)</source>
            <translation>Plan %1 (%2)</translation>
        </message>
        <message>
            <source>Halls</source>
            <translation>Halls</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Changes</translation>
        </message>
    </context>
    <context>
        <name>EntityPage</name>
        <message>
            <source>All cities</source>
            <translation>All cities</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>All types</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>All conditions</source>
            <translation>All conditions</translation>
        </message>
        <message>
            <source>All themes</source>
            <translation>All themes</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Checked on</source>
            <translation>Checked on</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Occasion</source>
            <translation>Occasion</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>Fault</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Cost (yuan)</source>
            <translation>Cost (yuan)</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <source>Read-only: this belongs to %1. Your account, %2, may change only its own.</source>
            <translation>Read-only: this belongs to %1. Your account, %2, may change only its own.</translation>
        </message>
        <message>
            <source>Only the province may add these.</source>
            <translation>Only the province may add these.</translation>
        </message>
        <message>
            <source>Cannot edit</source>
            <translation>Cannot edit</translation>
        </message>
        <message>
            <source>Add %1 %2</source>
            <translation>Add %1 %2</translation>
        </message>
        <message>
            <source>Edit %1 %2</source>
            <translation>Edit %1 %2</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>Cannot reload</source>
            <translation>Cannot reload</translation>
        </message>
        <message>
            <source>Retire</source>
            <translation>Retire</translation>
        </message>
        <message>
            <source>Retire %1 %2?</source>
            <translation>Retire %1 %2?</translation>
        </message>
        <message>
            <source>Retire %1 %2</source>
            <translation>Retire %1 %2</translation>
        </message>
        <message>
            <source>Not moved</source>
            <translation>Not moved</translation>
        </message>
        <message>
            <source>Move exhibit %1 to %2</source>
            <translation>Move exhibit %1 to %2</translation>
        </message>
        <message>
            <source>undo of a move</source>
            <translation>undo of a move</translation>
        </message>
        <message>
            <source>Search code, name, theme, city…</source>
            <translation>Search code, name, theme, city…</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Cancel request</source>
            <translation>Cancel request</translation>
        </message>
        <message>
            <source>Move…</source>
            <translation>Move…</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Location history</source>
            <translation>Location history</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>Maintenance</translation>
        </message>
        <message>
            <source>Condition checks</source>
            <translation>Condition checks</translation>
        </message>
    </context>
    <context>
        <name>ExportsBar</name>
        <message>
            <source>Events for the national platform</source>
            <translation>Events for the national platform</translation>
        </message>
        <message>
            <source>Workbooks (*.xlsx)</source>
            <translation>Workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>Not written: the last day %1 is before the first %2</source>
            <translation>Not written: the last day %1 is before the first %2</translation>
        </message>
        <message>
            <source>Not written: %1</source>
            <translation>Not written: %1</translation>
        </message>
        <message>
            <source>%1 events written to %2</source>
            <translation>%1 events written to %2</translation>
        </message>
        <message>
            <source>Bookings of a venue</source>
            <translation>Bookings of a venue</translation>
        </message>
        <message>
            <source>Calendars (*.ics)</source>
            <translation>Calendars (*.ics)</translation>
        </message>
        <message>
            <source>%1 bookings of %2 written to %3</source>
            <translation>%1 bookings of %2 written to %3</translation>
        </message>
        <message>
            <source>Files for others</source>
            <translation>Files for others</translation>
        </message>
        <message>
            <source>Events (national platform)</source>
            <translation>Events (national platform)</translation>
        </message>
        <message>
            <source>Save Excel…</source>
            <translation>Save Excel…</translation>
        </message>
        <message>
            <source>A venue's bookings</source>
            <translation>A venue's bookings</translation>
        </message>
        <message>
            <source>Save calendar (.ics)…</source>
            <translation>Save calendar (.ics)…</translation>
        </message>
    </context>
    <context>
        <name>FieldCheck</name>
        <message>
            <source>must be between %1 and %2</source>
            <translation>must be between %1 and %2</translation>
        </message>
        <message>
            <source>must not be negative</source>
            <translation>must not be negative</translation>
        </message>
        <message>
            <source>must be at least %1</source>
            <translation>must be at least %1</translation>
        </message>
        <message>
            <source>must be at most %1</source>
            <translation>must be at most %1</translation>
        </message>
        <message>
            <source>is not a whole number</source>
            <translation>is not a whole number</translation>
        </message>
        <message>
            <source>is too large</source>
            <translation>is too large</translation>
        </message>
        <message>
            <source>is not a number</source>
            <translation>is not a number</translation>
        </message>
        <message>
            <source>is not a date (YYYY-MM-DD)</source>
            <translation>is not a date (YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>is no such date</source>
            <translation>is no such date</translation>
        </message>
        <message>
            <source>is not a time (HH:MM)</source>
            <translation>is not a time (HH:MM)</translation>
        </message>
        <message>
            <source>is no such time</source>
            <translation>is no such time</translation>
        </message>
        <message>
            <source>is not weekday digits 1 (Monday) to 7 (Sunday), e.g. 12345</source>
            <translation>is not weekday digits 1 (Monday) to 7 (Sunday), e.g. 12345</translation>
        </message>
        <message>
            <source>names an unknown caravan type: %1</source>
            <translation>names an unknown caravan type: %1</translation>
        </message>
        <message>
            <source>is longer than %1 characters</source>
            <translation>is longer than %1 characters</translation>
        </message>
        <message>
            <source>must be 6 digits</source>
            <translation>must be 6 digits</translation>
        </message>
        <message>
            <source>has the wrong form</source>
            <translation>has the wrong form</translation>
        </message>
        <message>
            <source>comes before %1</source>
            <translation>comes before %1</translation>
        </message>
    </context>
    <context>
        <name>FieldWindow</name>
        <message>
            <source>not recorded</source>
            <translation>not recorded</translation>
        </message>
        <message>
            <source>cancelled: %1</source>
            <translation>cancelled: %1</translation>
        </message>
        <message>
            <source>held, %1 visitors</source>
            <translation>held, %1 visitors</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Arrive</source>
            <translation>Arrive</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Venue</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>County</source>
            <translation>County</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>km</source>
            <translation>km</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Exhibit</source>
            <translation>Exhibit</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>Grade at export</source>
            <translation>Grade at export</translation>
        </message>
        <message>
            <source>Grade checked</source>
            <translation>Grade checked</translation>
        </message>
        <message>
            <source>Fault</source>
            <translation>Fault</translation>
        </message>
        <message>
            <source>Damage or loss</source>
            <translation>Damage or loss</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Recorded at</source>
            <translation>Recorded at</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>Entry</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>In force</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>replaced by a later entry</source>
            <translation>replaced by a later entry</translation>
        </message>
        <message>
            <source>Entries (%1)</source>
            <translation>Entries (%1)</translation>
        </message>
        <message>
            <source>Caravan %1 (%2), type %3</source>
            <translation>Caravan %1 (%2), type %3</translation>
        </message>
        <message>
            <source>Set %1 %2</source>
            <translation>Set %1 %2</translation>
        </message>
        <message>
            <source>%1 · %2 to %3 · from %4 · plan %5 · %6 of %7 shows recorded · %8 exhibits on board</source>
            <translation>%1 · %2 to %3 · from %4 · plan %5 · %6 of %7 shows recorded · %8 exhibits on board</translation>
        </message>
        <message>
            <source>show</source>
            <translation>show</translation>
        </message>
        <message>
            <source>condition</source>
            <translation>condition</translation>
        </message>
        <message>
            <source>damage or loss</source>
            <translation>damage or loss</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>lost</translation>
        </message>
        <message>
            <source>damaged</source>
            <translation>damaged</translation>
        </message>
        <message>
            <source>stop %1</source>
            <translation>stop %1</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Photo</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.heic)</source>
            <translation>Images (*.jpg *.jpeg *.png *.heic)</translation>
        </message>
        <message>
            <source>Entry %1 saved to the kit at %2</source>
            <translation>Entry %1 saved to the kit at %2</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>is required</source>
            <translation>is required</translation>
        </message>
        <message>
            <source>is longer than %1 characters</source>
            <translation>is longer than %1 characters</translation>
        </message>
        <message>
            <source>is not a number of 0 or more</source>
            <translation>is not a number of 0 or more</translation>
        </message>
        <message>
            <source>is more than %1</source>
            <translation>is more than %1</translation>
        </message>
        <message>
            <source>is before the start (%1)</source>
            <translation>is before the start (%1)</translation>
        </message>
        <message>
            <source>is only for a cancelled show</source>
            <translation>is only for a cancelled show</translation>
        </message>
        <message>
            <source>is only for a show that was held</source>
            <translation>is only for a show that was held</translation>
        </message>
        <message>
            <source>is not an exhibit in this kit</source>
            <translation>is not an exhibit in this kit</translation>
        </message>
        <message>
            <source>is not near the kit's dates (%1)</source>
            <translation>is not near the kit's dates (%1)</translation>
        </message>
        <message>
            <source>is not within the stay (%1)</source>
            <translation>is not within the stay (%1)</translation>
        </message>
        <message>
            <source>is not a stop of this trip (%1)</source>
            <translation>is not a stop of this trip (%1)</translation>
        </message>
        <message>
            <source>is not a date (YYYY-MM-DD)</source>
            <translation>is not a date (YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>is not a time (HH:MM)</source>
            <translation>is not a time (HH:MM)</translation>
        </message>
        <message>
            <source>is not one of %1</source>
            <translation>is not one of %1</translation>
        </message>
        <message>
            <source>is not text</source>
            <translation>is not text</translation>
        </message>
        <message>
            <source>%1: %2 %3</source>
            <translation>%1: %2 %3</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <source>The kit holds no map: %1</source>
            <translation>The kit holds no map: %1</translation>
        </message>
        <message>
            <source>Route sheet saved to %1</source>
            <translation>Route sheet saved to %1</translation>
        </message>
        <message>
            <source>Save route sheet</source>
            <translation>Save route sheet</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Trip %1</source>
            <translation>Trip %1</translation>
        </message>
        <message>
            <source>Museum stay %1</source>
            <translation>Museum stay %1</translation>
        </message>
        <message>
            <source>Field kit %1 — %2</source>
            <translation>Field kit %1 — %2</translation>
        </message>
        <message>
            <source>Open route sheet</source>
            <translation>Open route sheet</translation>
        </message>
        <message>
            <source>Save route sheet…</source>
            <translation>Save route sheet…</translation>
        </message>
        <message>
            <source>Route and shows</source>
            <translation>Route and shows</translation>
        </message>
        <message>
            <source>Days and shows</source>
            <translation>Days and shows</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Map</translation>
        </message>
        <message>
            <source>Exhibits on board</source>
            <translation>Exhibits on board</translation>
        </message>
        <message>
            <source>Record a show</source>
            <translation>Record a show</translation>
        </message>
        <message>
            <source>caravan</source>
            <translation>caravan</translation>
        </message>
        <message>
            <source>departure</source>
            <translation>departure</translation>
        </message>
        <message>
            <source>return</source>
            <translation>return</translation>
        </message>
        <message>
            <source>set</source>
            <translation>set</translation>
        </message>
        <message>
            <source>venue</source>
            <translation>venue</translation>
        </message>
        <message>
            <source>first day</source>
            <translation>first day</translation>
        </message>
        <message>
            <source>last day</source>
            <translation>last day</translation>
        </message>
        <message>
            <source>show start</source>
            <translation>show start</translation>
        </message>
        <message>
            <source>show end</source>
            <translation>show end</translation>
        </message>
        <message>
            <source>trip</source>
            <translation>trip</translation>
        </message>
        <message>
            <source>stay</source>
            <translation>stay</translation>
        </message>
        <message>
            <source>the %1 is no longer in the database</source>
            <translation>the %1 is no longer in the database</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <translation>%1: %2 → %3</translation>
        </message>
        <message>
            <source>stop %1 added (%2)</source>
            <translation>stop %1 added (%2)</translation>
        </message>
        <message>
            <source>stop %1 removed (%2)</source>
            <translation>stop %1 removed (%2)</translation>
        </message>
        <message>
            <source>stop %1, %2: %3 → %4</source>
            <translation>stop %1, %2: %3 → %4</translation>
        </message>
        <message>
            <source>saved again since export</source>
            <translation>saved again since export</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Reason cancelled</source>
            <translation>Reason cancelled</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Ended</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>Visitors</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>Audience</source>
            <translation>Audience</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>Feedback</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>held</source>
            <translation>held</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>e.g. pupils of grades 3–6, villagers</source>
            <translation>e.g. pupils of grades 3–6, villagers</translation>
        </message>
        <message>
            <source>e.g. rain, school exam, road closed</source>
            <translation>e.g. rain, school exam, road closed</translation>
        </message>
        <message>
            <source>Record show</source>
            <translation>Record show</translation>
        </message>
        <message>
            <source>Condition check</source>
            <translation>Condition check</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Checked by</source>
            <translation>Checked by</translation>
        </message>
        <message>
            <source>Checked on</source>
            <translation>Checked on</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Record condition</source>
            <translation>Record condition</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <source>On</source>
            <translation>On</translation>
        </message>
        <message>
            <source>Record damage or loss</source>
            <translation>Record damage or loss</translation>
        </message>
        <message>
            <source>The map opens when this tab is shown.</source>
            <translation>The map opens when this tab is shown.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Close kit</source>
            <translation>&amp;Close kit</translation>
        </message>
        <message>
            <source>Each entry is saved to the kit as it is recorded.</source>
            <translation>Each entry is saved to the kit as it is recorded.</translation>
        </message>
        <message>
            <source>Changed in the office</source>
            <translation>Changed in the office</translation>
        </message>
        <message>
            <source>%1 was changed in the office since the kit was exported:

%2

Import the field records anyway?</source>
            <translation>%1 was changed in the office since the kit was exported:

%2

Import the field records anyway?</translation>
        </message>
        <message>
            <source>Kit not imported</source>
            <translation>Kit not imported</translation>
        </message>
        <message>
            <source>Replace a kit with records?</source>
            <translation>Replace a kit with records?</translation>
        </message>
        <message>
            <source>%1 holds %2 field records the office has not imported. Replacing it loses them.

Replace it anyway?</source>
            <translation>%1 holds %2 field records the office has not imported. Replacing it loses them.

Replace it anyway?</translation>
        </message>
        <message>
            <source>Kit not opened</source>
            <translation>Kit not opened</translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message>
            <source>Import Excel</source>
            <translation>Import Excel</translation>
        </message>
        <message>
            <source>Workbooks (*.xlsx);;CSV files (*.csv)</source>
            <translation>Workbooks (*.xlsx);;CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>Importing %1…</translation>
        </message>
        <message>
            <source>Imported %1: %2 new, %3 updated</source>
            <translation>Imported %1: %2 new, %3 updated</translation>
        </message>
        <message>
            <source>Import refused</source>
            <translation>Import refused</translation>
        </message>
        <message>
            <source>Field kits (*.ckit)</source>
            <translation>Field kits (*.ckit)</translation>
        </message>
        <message>
            <source>Open field kit</source>
            <translation>Open field kit</translation>
        </message>
        <message>
            <source>Import field kit</source>
            <translation>Import field kit</translation>
        </message>
        <message>
            <source>Export Excel</source>
            <translation>Export Excel</translation>
        </message>
        <message>
            <source>Workbooks (*.xlsx)</source>
            <translation>Workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>Exporting to %1…</source>
            <translation>Exporting to %1…</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Exported to %1</translation>
        </message>
    </context>
    <context>
        <name>FirstStart</name>
        <message>
            <source>Cities, counties and towns</source>
            <translation>Cities, counties and towns</translation>
        </message>
        <message>
            <source>Depots and workshops</source>
            <translation>Depots and workshops</translation>
        </message>
        <message>
            <source>Schools, townships and other venues</source>
            <translation>Schools, townships and other venues</translation>
        </message>
        <message>
            <source>Caravans and museum sets</source>
            <translation>Caravans and museum sets</translation>
        </message>
        <message>
            <source>A year of shows and set placements</source>
            <translation>A year of shows and set placements</translation>
        </message>
        <message>
            <source>Exhibits, their checks and repairs</source>
            <translation>Exhibits, their checks and repairs</translation>
        </message>
        <message>
            <source>Joint tours and the spring term's requests</source>
            <translation>Joint tours and the spring term's requests</translation>
        </message>
        <message>
            <source>Saving</source>
            <translation>Saving</translation>
        </message>
        <message>
            <source>Science caravans and travelling museums</source>
            <translation>Science caravans and travelling museums</translation>
        </message>
        <message>
            <source>First start: the Jiangsu demo province is being put into %1, so that every screen has something to show. This takes a few seconds.</source>
            <translation>First start: the Jiangsu demo province is being put into %1, so that every screen has something to show. This takes a few seconds.</translation>
        </message>
        <message>
            <source>Step %1 of %2…</source>
            <translation>Step %1 of %2…</translation>
        </message>
        <message>
            <source>Opening the window…</source>
            <translation>Opening the window…</translation>
        </message>
        <message>
            <source>Demo province not built</source>
            <translation>Demo province not built</translation>
        </message>
        <message>
            <source>The demo province could not be built: %1
The program opens on the empty database.</source>
            <translation>The demo province could not be built: %1
The program opens on the empty database.</translation>
        </message>
    </context>
    <context>
        <name>ImportProblemsDialog</name>
        <message>
            <source>Import refused</source>
            <translation>Import refused</translation>
        </message>
        <message>
            <source>%1 was not imported; nothing was written. Fix these %2 problem(s) and import it again:</source>
            <translation>%1 was not imported; nothing was written. Fix these %2 problem(s) and import it again:</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Copy all</source>
            <translation>Copy all</translation>
        </message>
    </context>
    <context>
        <name>ImportReasons</name>
        <message>
            <source>trip</source>
            <translation>trip</translation>
        </message>
        <message>
            <source>workshop</source>
            <translation>workshop</translation>
        </message>
        <message>
            <source>joint tour</source>
            <translation>joint tour</translation>
        </message>
        <message>
            <source>set</source>
            <translation>set</translation>
        </message>
        <message>
            <source>not a whole number</source>
            <translation>not a whole number</translation>
        </message>
        <message>
            <source>too large</source>
            <translation>too large</translation>
        </message>
        <message>
            <source>not a number</source>
            <translation>not a number</translation>
        </message>
        <message>
            <source>not 是 or 否</source>
            <translation>not 是 or 否</translation>
        </message>
        <message>
            <source>no such date</source>
            <translation>no such date</translation>
        </message>
        <message>
            <source>a date without a time is expected</source>
            <translation>a date without a time is expected</translation>
        </message>
        <message>
            <source>not a date (YYYY-MM-DD)</source>
            <translation>not a date (YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>no such time</source>
            <translation>no such time</translation>
        </message>
        <message>
            <source>not a date and time (YYYY-MM-DD HH:MM)</source>
            <translation>not a date and time (YYYY-MM-DD HH:MM)</translation>
        </message>
        <message>
            <source>not a time (HH:MM)</source>
            <translation>not a time (HH:MM)</translation>
        </message>
        <message>
            <source>“%1” is not one of %2</source>
            <translation>“%1” is not one of %2</translation>
        </message>
        <message>
            <source>weekdays are the digits 1 (Monday) to 7 (Sunday), e.g. 12345</source>
            <translation>weekdays are the digits 1 (Monday) to 7 (Sunday), e.g. 12345</translation>
        </message>
        <message>
            <source>not valid JSON</source>
            <translation>not valid JSON</translation>
        </message>
        <message>
            <source>longer than %1 characters</source>
            <translation>longer than %1 characters</translation>
        </message>
        <message>
            <source>longer than %1 characters, the most an Excel cell holds</source>
            <translation>longer than %1 characters, the most an Excel cell holds</translation>
        </message>
        <message>
            <source>holds a control character Excel cannot keep (%1)</source>
            <translation>holds a control character Excel cannot keep (%1)</translation>
        </message>
        <message>
            <source>must be 6 digits</source>
            <translation>must be 6 digits</translation>
        </message>
        <message>
            <source>must be between %1 and %2</source>
            <translation>must be between %1 and %2</translation>
        </message>
        <message>
            <source>must not be negative</source>
            <translation>must not be negative</translation>
        </message>
        <message>
            <source>must be at least %1</source>
            <translation>must be at least %1</translation>
        </message>
        <message>
            <source>must be at most %1</source>
            <translation>must be at most %1</translation>
        </message>
        <message>
            <source>a column of data without a header</source>
            <translation>a column of data without a header</translation>
        </message>
        <message>
            <source>unknown column</source>
            <translation>unknown column</translation>
        </message>
        <message>
            <source>duplicate column, also column %1</source>
            <translation>duplicate column, also column %1</translation>
        </message>
        <message>
            <source>missing column</source>
            <translation>missing column</translation>
        </message>
        <message>
            <source>required</source>
            <translation>required</translation>
        </message>
        <message>
            <source>duplicate, also in row %1</source>
            <translation>duplicate, also in row %1</translation>
        </message>
        <message>
            <source>no %1 with this code</source>
            <translation>no %1 with this code</translation>
        </message>
        <message>
            <source>ends before it starts (%1 %2)</source>
            <translation>ends before it starts (%1 %2)</translation>
        </message>
        <message>
            <source>closes before it opens (%1 %2)</source>
            <translation>closes before it opens (%1 %2)</translation>
        </message>
        <message>
            <source>leaves before it joins (%1 %2)</source>
            <translation>leaves before it joins (%1 %2)</translation>
        </message>
        <message>
            <source>latest date before the earliest (%1 %2)</source>
            <translation>latest date before the earliest (%1 %2)</translation>
        </message>
        <message>
            <source>returns before it leaves (%1 %2)</source>
            <translation>returns before it leaves (%1 %2)</translation>
        </message>
        <message>
            <source>starts before arrival (%1 %2)</source>
            <translation>starts before arrival (%1 %2)</translation>
        </message>
        <message>
            <source>at most one of these may be filled, found %1</source>
            <translation>at most one of these may be filled, found %1</translation>
        </message>
        <message>
            <source>exactly one of these must be filled, found %1</source>
            <translation>exactly one of these must be filled, found %1</translation>
        </message>
        <message>
            <source>already used by %1 %2</source>
            <translation>already used by %1 %2</translation>
        </message>
        <message>
            <source>refers back to this row (a loop)</source>
            <translation>refers back to this row (a loop)</translation>
        </message>
        <message>
            <source>not an Excel workbook (.xlsx)</source>
            <translation>not an Excel workbook (.xlsx)</translation>
        </message>
        <message>
            <source>cell %1 is past column %2, the last an import reads</source>
            <translation>cell %1 is past column %2, the last an import reads</translation>
        </message>
        <message>
            <source>cell %1 is past row %2, the last an import reads (%3 rows of data)</source>
            <translation>cell %1 is past row %2, the last an import reads (%3 rows of data)</translation>
        </message>
        <message>
            <source>a formula where a value belongs (%1)</source>
            <translation>a formula where a value belongs (%1)</translation>
        </message>
        <message>
            <source>an Excel error value (%1)</source>
            <translation>an Excel error value (%1)</translation>
        </message>
        <message>
            <source>merged cells are not allowed (%1)</source>
            <translation>merged cells are not allowed (%1)</translation>
        </message>
        <message>
            <source>not a CSV text file</source>
            <translation>not a CSV text file</translation>
        </message>
        <message>
            <source>cannot tell which table this is: name the file after it (e.g. caravans.csv or 车辆.csv)</source>
            <translation>cannot tell which table this is: name the file after it (e.g. caravans.csv or 车辆.csv)</translation>
        </message>
        <message>
            <source>only .xlsx workbooks and .csv files can be imported</source>
            <translation>only .xlsx workbooks and .csv files can be imported</translation>
        </message>
        <message>
            <source>the file has no data</source>
            <translation>the file has no data</translation>
        </message>
        <message>
            <source>unknown sheet (the sheets are %1)</source>
            <translation>unknown sheet (the sheets are %1)</translation>
        </message>
        <message>
            <source>the same table as sheet %1</source>
            <translation>the same table as sheet %1</translation>
        </message>
        <message>
            <source>and %1 more problems</source>
            <translation>and %1 more problems</translation>
        </message>
    </context>
    <context>
        <name>JointTourDialog</name>
        <message>
            <source>Joint tour</source>
            <translation>Joint tour</translation>
        </message>
        <message>
            <source>Find a city or county</source>
            <translation>Find a city or county</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>These caravans may also serve these regions:</source>
            <translation>These caravans may also serve these regions:</translation>
        </message>
    </context>
    <context>
        <name>JointToursPage</name>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>ended after %1</source>
            <translation>ended after %1</translation>
        </message>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Caravans</source>
            <translation>Caravans</translation>
        </message>
        <message>
            <source>May also serve</source>
            <translation>May also serve</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Read-only: this joint tour reaches beyond your account's caravans and regions.</source>
            <translation>Read-only: this joint tour reaches beyond your account's caravans and regions.</translation>
        </message>
        <message>
            <source>Run again</source>
            <translation>Run again</translation>
        </message>
        <message>
            <source>End after</source>
            <translation>End after</translation>
        </message>
        <message>
            <source>Add joint tour %1</source>
            <translation>Add joint tour %1</translation>
        </message>
        <message>
            <source>Edit joint tour %1</source>
            <translation>Edit joint tour %1</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>End joint tour %1</source>
            <translation>End joint tour %1</translation>
        </message>
        <message>
            <source>Run joint tour %1 again</source>
            <translation>Run joint tour %1 again</translation>
        </message>
        <message>
            <source>Joint tours (联动)</source>
            <translation>Joint tours (联动)</translation>
        </message>
        <message>
            <source>A joint tour lets the caravans it lists also serve the cities and counties it lists. The tour planner's Linkage tab proposes them; an ended joint tour is kept for the record and no longer used for plans that start after its last day.</source>
            <translation>A joint tour lets the caravans it lists also serve the cities and counties it lists. The tour planner's Linkage tab proposes them; an ended joint tour is kept for the record and no longer used for plans that start after its last day.</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
    </context>
    <context>
        <name>KitExport</name>
        <message>
            <source>Kit not written</source>
            <translation>Kit not written</translation>
        </message>
        <message>
            <source>Trip %1</source>
            <translation>Trip %1</translation>
        </message>
        <message>
            <source>Stay %1</source>
            <translation>Stay %1</translation>
        </message>
        <message>
            <source>Write a kit of a draft plan?</source>
            <translation>Write a kit of a draft plan?</translation>
        </message>
        <message>
            <source>%1 belongs to the plan “%2”, which is a draft, not approved. Its crew may be sent where the approved plan will not go.

The kit's route sheet and map will say DRAFT on every page. Write it anyway?</source>
            <translation>%1 belongs to the plan “%2”, which is a draft, not approved. Its crew may be sent where the approved plan will not go.

The kit's route sheet and map will say DRAFT on every page. Write it anyway?</translation>
        </message>
    </context>
    <context>
        <name>KitImportDialog</name>
        <message>
            <source>Kit imported: %1</source>
            <translation>Kit imported: %1</translation>
        </message>
        <message>
            <source>trip %1</source>
            <translation>trip %1</translation>
        </message>
        <message>
            <source>stay %1</source>
            <translation>stay %1</translation>
        </message>
        <message>
            <source>Kit of %1: already imported, nothing changed.</source>
            <translation>Kit of %1: already imported, nothing changed.</translation>
        </message>
        <message>
            <source>Kit of %1: %2 shows, %3 condition checks, %4 damage or loss records.</source>
            <translation>Kit of %1: %2 shows, %3 condition checks, %4 damage or loss records.</translation>
        </message>
        <message>
            <source>Accepted office change: %1</source>
            <translation>Accepted office change: %1</translation>
        </message>
        <message>
            <source>new</source>
            <translation>new</translation>
        </message>
        <message>
            <source>updated</source>
            <translation>updated</translation>
        </message>
        <message>
            <source>replaced by a later entry</source>
            <translation>replaced by a later entry</translation>
        </message>
        <message>
            <source>show</source>
            <translation>show</translation>
        </message>
        <message>
            <source>condition</source>
            <translation>condition</translation>
        </message>
        <message>
            <source>damage or loss</source>
            <translation>damage or loss</translation>
        </message>
        <message>
            <source>Entry %1, %2: %3 %4 — %5</source>
            <translation>Entry %1, %2: %3 %4 — %5</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>County</source>
            <translation>County</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Province level</source>
            <translation>Province level</translation>
        </message>
        <message>
            <source>City level</source>
            <translation>City level</translation>
        </message>
        <message>
            <source>County level</source>
            <translation>County level</translation>
        </message>
        <message>
            <source>County-level city</source>
            <translation>County-level city</translation>
        </message>
        <message>
            <source>School</source>
            <translation>School</translation>
        </message>
        <message>
            <source>Township centre</source>
            <translation>Township centre</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>County science hall</source>
            <translation>County science hall</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Type I</source>
            <translation>Type I</translation>
        </message>
        <message>
            <source>Type II</source>
            <translation>Type II</translation>
        </message>
        <message>
            <source>Type III</source>
            <translation>Type III</translation>
        </message>
        <message>
            <source>Type IV</source>
            <translation>Type IV</translation>
        </message>
        <message>
            <source>In service</source>
            <translation>In service</translation>
        </message>
        <message>
            <source>In maintenance</source>
            <translation>In maintenance</translation>
        </message>
        <message>
            <source>Reserve</source>
            <translation>Reserve</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>Retired</translation>
        </message>
        <message>
            <source>Caravan kit</source>
            <translation>Caravan kit</translation>
        </message>
        <message>
            <source>Museum set</source>
            <translation>Museum set</translation>
        </message>
        <message>
            <source>A (as new)</source>
            <translation>A (as new)</translation>
        </message>
        <message>
            <source>B (worn)</source>
            <translation>B (worn)</translation>
        </message>
        <message>
            <source>C (faulty)</source>
            <translation>C (faulty)</translation>
        </message>
        <message>
            <source>D (out of order)</source>
            <translation>D (out of order)</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>In use</translation>
        </message>
        <message>
            <source>In store</source>
            <translation>In store</translation>
        </message>
        <message>
            <source>In repair</source>
            <translation>In repair</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>Lost</translation>
        </message>
        <message>
            <source>Touring</source>
            <translation>Touring</translation>
        </message>
        <message>
            <source>Disbanded</source>
            <translation>Disbanded</translation>
        </message>
        <message>
            <source>Caravan visit</source>
            <translation>Caravan visit</translation>
        </message>
        <message>
            <source>Museum placement</source>
            <translation>Museum placement</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>Served</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Published</translation>
        </message>
        <message>
            <source>Repair</source>
            <translation>Repair</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Inspection</source>
            <translation>Inspection</translation>
        </message>
        <message>
            <source>Refurbishment</source>
            <translation>Refurbishment</translation>
        </message>
        <message>
            <source>Exhibit</source>
            <translation>Exhibit</translation>
        </message>
        <message>
            <source>Undecided</source>
            <translation>Undecided</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Handover check</source>
            <translation>Handover check</translation>
        </message>
        <message>
            <source>Field check</source>
            <translation>Field check</translation>
        </message>
        <message>
            <source>Annual stocktake</source>
            <translation>Annual stocktake</translation>
        </message>
        <message>
            <source>Return check</source>
            <translation>Return check</translation>
        </message>
        <message>
            <source>No caravan of a wanted type and theme</source>
            <translation>No caravan of a wanted type and theme</translation>
        </message>
        <message>
            <source>No caravan may serve this region</source>
            <translation>No caravan may serve this region</translation>
        </message>
        <message>
            <source>No workable date</source>
            <translation>No workable date</translation>
        </message>
        <message>
            <source>Caravans fully booked</source>
            <translation>Caravans fully booked</translation>
        </message>
        <message>
            <source>Depot</source>
            <translation>Depot</translation>
        </message>
        <message>
            <source>Caravan</source>
            <translation>Caravan</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Set</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <source>(acquired)</source>
            <translation>(acquired)</translation>
        </message>
        <message>
            <source>Spring term %1</source>
            <translation>Spring term %1</translation>
        </message>
        <message>
            <source>Autumn term %1</source>
            <translation>Autumn term %1</translation>
        </message>
        <message>
            <source>No caravan may serve %1</source>
            <translation>No caravan may serve %1</translation>
        </message>
        <message>
            <source>No caravan can reach %1 on an allowed working day</source>
            <translation>No caravan can reach %1 on an allowed working day</translation>
        </message>
        <message>
            <source>Every caravan that could serve it was busy</source>
            <translation>Every caravan that could serve it was busy</translation>
        </message>
        <message>
            <source>any type</source>
            <translation>any type</translation>
        </message>
        <message>
            <source>any theme</source>
            <translation>any theme</translation>
        </message>
        <message>
            <source>Needs %1 with %2</source>
            <translation>Needs %1 with %2</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Every day</source>
            <translation>Every day</translation>
        </message>
        <message>
            <source>%1–%2</source>
            <extracomment>A run of weekdays, e.g. Mon–Fri (zh: 周一至周五).</extracomment>
            <translation>%1–%2</translation>
        </message>
        <message>
            <source>, </source>
            <comment>between weekdays</comment>
            <extracomment>Between weekdays or runs of them (zh: 、).</extracomment>
            <translation>, </translation>
        </message>
        <message>
            <source>In store at %1</source>
            <translation>In store at %1</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Caravans</source>
            <translation>Caravans</translation>
        </message>
        <message>
            <source>Exhibits</source>
            <translation>Exhibits</translation>
        </message>
        <message>
            <source>Sets</source>
            <translation>Sets</translation>
        </message>
        <message>
            <source>Venues</source>
            <translation>Venues</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regions</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>Depots</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Workshops</source>
            <translation>Workshops</translation>
        </message>
        <message>
            <source>caravan</source>
            <translation>caravan</translation>
        </message>
        <message>
            <source>exhibit</source>
            <translation>exhibit</translation>
        </message>
        <message>
            <source>set</source>
            <translation>set</translation>
        </message>
        <message>
            <source>venue</source>
            <translation>venue</translation>
        </message>
        <message>
            <source>region</source>
            <translation>region</translation>
        </message>
        <message>
            <source>depot</source>
            <translation>depot</translation>
        </message>
        <message>
            <source>request</source>
            <translation>request</translation>
        </message>
        <message>
            <source>visit</source>
            <translation>visit</translation>
        </message>
        <message>
            <source>plan</source>
            <translation>plan</translation>
        </message>
    </context>
    <context>
        <name>LinkageTab</name>
        <message>
            <source>Planning the term as the rules stand…</source>
            <translation>Planning the term as the rules stand…</translation>
        </message>
        <message>
            <source>Planning the term with every caravan allowed everywhere…</source>
            <translation>Planning the term with every caravan allowed everywhere…</translation>
        </message>
        <message>
            <source>Re-planning with proposal %1…</source>
            <translation>Re-planning with proposal %1…</translation>
        </message>
        <message>
            <source>No advice: %1</source>
            <translation>No advice: %1</translation>
        </message>
        <message>
            <source>Joint tours proposed: %1.</source>
            <translation>Joint tours proposed: %1.</translation>
        </message>
        <message>
            <source>No joint tour would serve more requests.</source>
            <translation>No joint tour would serve more requests.</translation>
        </message>
        <message>
            <source>Rules as they stand</source>
            <translation>Rules as they stand</translation>
        </message>
        <message>
            <source>Every caravan anywhere</source>
            <translation>Every caravan anywhere</translation>
        </message>
        <message>
            <source>With every proposal</source>
            <translation>With every proposal</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Caravans</source>
            <translation>Caravans</translation>
        </message>
        <message>
            <source>May also serve</source>
            <translation>May also serve</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Key county</source>
            <translation>Key county</translation>
        </message>
        <message>
            <source>Township</source>
            <translation>Township</translation>
        </message>
        <message>
            <source>Km</source>
            <translation>Km</translation>
        </message>
        <message>
            <source>Days on the road</source>
            <translation>Days on the road</translation>
        </message>
        <message>
            <source>%1: %2 of %3 requests served, key counties %4 of %5, %6 km, %7 caravans idle</source>
            <translation>%1: %2 of %3 requests served, key counties %4 of %5, %6 km, %7 caravans idle</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Not stored: %1</source>
            <translation>Not stored: %1</translation>
        </message>
        <message>
            <source>Accept joint tours (%1)</source>
            <translation>Accept joint tours (%1)</translation>
        </message>
        <message>
            <source>Stored joint tours %1; the term is re-planned with them.</source>
            <translation>Stored joint tours %1; the term is re-planned with them.</translation>
        </message>
        <message>
            <source>The region rules keep caravans at home while requests next door go unserved. This plans the term as the rules stand, then with every caravan allowed everywhere (the most linkage can bring), and proposes the joint tours (联动) that win most of it back, each measured by re-planning.</source>
            <translation>The region rules keep caravans at home while requests next door go unserved. This plans the term as the rules stand, then with every caravan allowed everywhere (the most linkage can bring), and proposes the joint tours (联动) that win most of it back, each measured by re-planning.</translation>
        </message>
        <message>
            <source>At most</source>
            <translation>At most</translation>
        </message>
        <message>
            <source> joint tours</source>
            <translation> joint tours</translation>
        </message>
        <message>
            <source>Time per plan</source>
            <translation>Time per plan</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Advise</source>
            <translation>Advise</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Accept the chosen and re-plan</source>
            <translation>Accept the chosen and re-plan</translation>
        </message>
        <message>
            <source>Print the proposal (PDF)…</source>
            <translation>Print the proposal (PDF)…</translation>
        </message>
    </context>
    <context>
        <name>LogDialog</name>
        <message>
            <source>Log</source>
            <translation>Log</translation>
        </message>
        <message>
            <source>Log file: %1</source>
            <translation>Log file: %1</translation>
        </message>
        <message>
            <source>No log file is written.</source>
            <translation>No log file is written.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Caravans</source>
            <translation>Caravans</translation>
        </message>
        <message>
            <source>Exhibits</source>
            <translation>Exhibits</translation>
        </message>
        <message>
            <source>Sets</source>
            <translation>Sets</translation>
        </message>
        <message>
            <source>Venues and regions</source>
            <translation>Venues and regions</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Joint tours</source>
            <translation>Joint tours</translation>
        </message>
        <message>
            <source>Tour planner</source>
            <translation>Tour planner</translation>
        </message>
        <message>
            <source>Rotation planner</source>
            <translation>Rotation planner</translation>
        </message>
        <message>
            <source>Retirement and consolidation</source>
            <translation>Retirement and consolidation</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Accounts</translation>
        </message>
        <message>
            <source>Science caravans and travelling museums</source>
            <translation>Science caravans and travelling museums</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Import Excel…</source>
            <translation>&amp;Import Excel…</translation>
        </message>
        <message>
            <source>&amp;Export Excel…</source>
            <translation>&amp;Export Excel…</translation>
        </message>
        <message>
            <source>&amp;Open field kit…</source>
            <translation>&amp;Open field kit…</translation>
        </message>
        <message>
            <source>Import field &amp;kit…</source>
            <translation>Import field &amp;kit…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>&amp;Log</source>
            <translation>&amp;Log</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <source>Working as %1 on this computer</source>
            <translation>Working as %1 on this computer</translation>
        </message>
        <message>
            <source>server role, no account</source>
            <translation>server role, no account</translation>
        </message>
        <message>
            <source>province</source>
            <extracomment>The signed-in account's level in the status bar (zh: 省级, 市级, 县级).</extracomment>
            <translation>province</translation>
        </message>
        <message>
            <source>city</source>
            <translation>city</translation>
        </message>
        <message>
            <source>county</source>
            <translation>county</translation>
        </message>
        <message>
            <source>administrator</source>
            <translation>administrator</translation>
        </message>
        <message>
            <source>Signed in to the server as %1</source>
            <translation>Signed in to the server as %1</translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>&amp;Undo %1</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>&amp;Redo %1</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Undo not possible</source>
            <translation>Undo not possible</translation>
        </message>
        <message>
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <source>caravan_app %1
Plans and runs a province's science caravans and travelling science museums.</source>
            <translation>caravan_app %1
Plans and runs a province's science caravans and travelling science museums.</translation>
        </message>
        <message>
            <source>Stopping the work still running…</source>
            <translation>Stopping the work still running…</translation>
        </message>
        <message>
            <source>The program stopped unexpectedly last time</source>
            <translation>The program stopped unexpectedly last time</translation>
        </message>
        <message>
            <source>What it left is in the log (Help › Log).</source>
            <translation>What it left is in the log (Help › Log).</translation>
        </message>
    </context>
    <context>
        <name>MapPane</name>
        <message>
            <source>Drawing the map…</source>
            <translation>Drawing the map…</translation>
        </message>
        <message>
            <source>The map could not be drawn: %1</source>
            <translation>The map could not be drawn: %1</translation>
        </message>
    </context>
    <context>
        <name>MoveDialog</name>
        <message>
            <source>Move exhibit</source>
            <translation>Move exhibit</translation>
        </message>
        <message>
            <source>To a</source>
            <translation>To a</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>MoveVisitDialog</name>
        <message>
            <source>Place request %1 by hand</source>
            <translation>Place request %1 by hand</translation>
        </message>
        <message>
            <source>%1 is unserved: %2</source>
            <translation>%1 is unserved: %2</translation>
        </message>
        <message>
            <source>Move visit %1</source>
            <translation>Move visit %1</translation>
        </message>
        <message>
            <source>%1, now with %2 on %3.</source>
            <translation>%1, now with %2 on %3.</translation>
        </message>
        <message>
            <source>Only the caravans and days on which the visit keeps every rule are offered; it is locked where you put it.</source>
            <translation>Only the caravans and days on which the visit keeps every rule are offered; it is locked where you put it.</translation>
        </message>
        <message>
            <source>Working out where it fits…</source>
            <translation>Working out where it fits…</translation>
        </message>
        <message>
            <source>Caravans it does not fit, and why</source>
            <translation>Caravans it does not fit, and why</translation>
        </message>
        <message>
            <source>Every caravan it fits</source>
            <translation>Every caravan it fits</translation>
        </message>
        <message>
            <source>%1 (%2 days)</source>
            <translation>%1 (%2 days)</translation>
        </message>
        <message>
            <source>It fits on %1 caravan-days of %2 caravans (worked out in %3 s); fewest km first.</source>
            <translation>It fits on %1 caravan-days of %2 caravans (worked out in %3 s); fewest km first.</translation>
        </message>
        <message>
            <source>It fits on no other caravan or day of this plan (worked out in %1 s).</source>
            <translation>It fits on no other caravan or day of this plan (worked out in %1 s).</translation>
        </message>
        <message>
            <source>First show day</source>
            <translation>First show day</translation>
        </message>
        <message>
            <source>km added</source>
            <translation>km added</translation>
        </message>
        <message>
            <source>Trip (leaves – back)</source>
            <translation>Trip (leaves – back)</translation>
        </message>
        <message>
            <source>How</source>
            <translation>How</translation>
        </message>
        <message>
            <source>with other shows</source>
            <translation>with other shows</translation>
        </message>
        <message>
            <source>a trip of its own</source>
            <translation>a trip of its own</translation>
        </message>
        <message>
            <source>Caravan</source>
            <translation>Caravan</translation>
        </message>
    </context>
    <context>
        <name>Operation</name>
        <message>
            <source>Not done</source>
            <translation>Not done</translation>
        </message>
    </context>
    <context>
        <name>Outcomes</name>
        <message>
            <source>proven best</source>
            <translation>proven best</translation>
        </message>
        <message>
            <source>feasible</source>
            <translation>feasible</translation>
        </message>
        <message>
            <source>no plan keeps every rule</source>
            <translation>no plan keeps every rule</translation>
        </message>
        <message>
            <source>no plan found in time</source>
            <translation>no plan found in time</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>stopped</translation>
        </message>
        <message>
            <source>No caravan of a wanted type and theme</source>
            <translation>No caravan of a wanted type and theme</translation>
        </message>
        <message>
            <source>No caravan may serve this region</source>
            <translation>No caravan may serve this region</translation>
        </message>
        <message>
            <source>No workable date</source>
            <translation>No workable date</translation>
        </message>
        <message>
            <source>Caravans fully booked</source>
            <translation>Caravans fully booked</translation>
        </message>
        <message>
            <source>Needs %1 with %2</source>
            <translation>Needs %1 with %2</translation>
        </message>
        <message>
            <source>type %1</source>
            <translation>type %1</translation>
        </message>
        <message>
            <source>any type</source>
            <translation>any type</translation>
        </message>
        <message>
            <source>any theme</source>
            <translation>any theme</translation>
        </message>
        <message>
            <source>No caravan may serve %1</source>
            <translation>No caravan may serve %1</translation>
        </message>
        <message>
            <source>No caravan can reach %1 on an allowed working day</source>
            <translation>No caravan can reach %1 on an allowed working day</translation>
        </message>
        <message>
            <source>Every caravan that could serve it was busy</source>
            <translation>Every caravan that could serve it was busy</translation>
        </message>
        <message>
            <source>; </source>
            <translation>; </translation>
        </message>
        <message>
            <source>%1 (%2, %3 km away, %4 of %5 days on the road)</source>
            <translation>%1 (%2, %3 km away, %4 of %5 days on the road)</translation>
        </message>
        <message>
            <source>Fleet use: %1 of the available days on the road; %2 of %3 caravans idle (under %4 days); the busiest 20 % do %5 of the days</source>
            <translation>Fleet use: %1 of the available days on the road; %2 of %3 caravans idle (under %4 days); the busiest 20 % do %5 of the days</translation>
        </message>
        <message>
            <source>Idle caravans fit requests this plan leaves out, but the region rules keep them away: %1. A joint tour (联动) would let them serve.</source>
            <translation>Idle caravans fit requests this plan leaves out, but the region rules keep them away: %1. A joint tour (联动) would let them serve.</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>the caravan cannot fit the show into a trip that day</source>
            <translation>the caravan cannot fit the show into a trip that day</translation>
        </message>
        <message>
            <source>the trip the visit leaves could no longer be timed</source>
            <translation>the trip the visit leaves could no longer be timed</translation>
        </message>
        <message>
            <source>the request is not served in this plan</source>
            <translation>the request is not served in this plan</translation>
        </message>
        <message>
            <source>the plan has no such caravan</source>
            <translation>the plan has no such caravan</translation>
        </message>
        <message>
            <source>the caravan's type is not one the request allows</source>
            <translation>the caravan's type is not one the request allows</translation>
        </message>
        <message>
            <source>the caravan carries none of the request's themes</source>
            <translation>the caravan carries none of the request's themes</translation>
        </message>
        <message>
            <source>the caravan may not serve the request's region</source>
            <translation>the caravan may not serve the request's region</translation>
        </message>
        <message>
            <source>the venue does not take a show that day</source>
            <translation>the venue does not take a show that day</translation>
        </message>
        <message>
            <source>that day is not a working day</source>
            <translation>that day is not a working day</translation>
        </message>
        <message>
            <source>a school's show on a school holiday</source>
            <translation>a school's show on a school holiday</translation>
        </message>
        <message>
            <source>the trip would run on a day that is not a working day</source>
            <translation>the trip would run on a day that is not a working day</translation>
        </message>
        <message>
            <source>the caravan is not available that day</source>
            <translation>the caravan is not available that day</translation>
        </message>
        <message>
            <source>the caravan is on another trip that day</source>
            <translation>the caravan is on another trip that day</translation>
        </message>
        <message>
            <source>the trip would be longer than the caravan may be away</source>
            <translation>the trip would be longer than the caravan may be away</translation>
        </message>
        <message>
            <source>another locked visit would no longer be kept</source>
            <translation>another locked visit would no longer be kept</translation>
        </message>
        <message>
            <source>the crew cannot get there before the show starts</source>
            <translation>the crew cannot get there before the show starts</translation>
        </message>
        <message>
            <source>the crew would come back after its working day ends</source>
            <translation>the crew would come back after its working day ends</translation>
        </message>
        <message>
            <source>the crew would leave before its working day starts</source>
            <translation>the crew would leave before its working day starts</translation>
        </message>
        <message>
            <source>the show would start before the venue opens or the crew's day starts</source>
            <translation>the show would start before the venue opens or the crew's day starts</translation>
        </message>
        <message>
            <source>the show would end after the venue closes or the crew's day ends</source>
            <translation>the show would end after the venue closes or the crew's day ends</translation>
        </message>
        <message>
            <source>the days of a multi-day show would not follow each other</source>
            <translation>the days of a multi-day show would not follow each other</translation>
        </message>
        <message>
            <source>the days of a multi-day show would be split between trips</source>
            <translation>the days of a multi-day show would be split between trips</translation>
        </message>
        <message>
            <source>the plan would break its rule “%1”</source>
            <translation>the plan would break its rule “%1”</translation>
        </message>
        <message>
            <source>caravan %1 belongs to %2 and may not serve %3 in %4; no joint tour lets it</source>
            <translation>caravan %1 belongs to %2 and may not serve %3 in %4; no joint tour lets it</translation>
        </message>
        <message>
            <source>%2 does not take a caravan of %1's type</source>
            <translation>%2 does not take a caravan of %1's type</translation>
        </message>
        <message>
            <source>caravan %1 carries none of the themes %2 asked for</source>
            <translation>caravan %1 carries none of the themes %2 asked for</translation>
        </message>
        <message>
            <source>%1 does not take a show on %2</source>
            <translation>%1 does not take a show on %2</translation>
        </message>
        <message>
            <source>%1 is not a working day</source>
            <translation>%1 is not a working day</translation>
        </message>
        <message>
            <source>%1 is a school holiday at %2</source>
            <translation>%1 is a school holiday at %2</translation>
        </message>
        <message>
            <source>caravan %1 is not available on %2</source>
            <translation>caravan %1 is not available on %2</translation>
        </message>
        <message>
            <source>caravan %1 is on another trip on %2</source>
            <translation>caravan %1 is on another trip on %2</translation>
        </message>
        <message>
            <source>the trip of caravan %1 would run on %2, not a working day</source>
            <translation>the trip of caravan %1 would run on %2, not a working day</translation>
        </message>
        <message>
            <source>caravan %1 cannot reach %2 before its show on %3</source>
            <translation>caravan %1 cannot reach %2 before its show on %3</translation>
        </message>
        <message>
            <source>caravan %1 cannot fit the show at %2 into a trip on %3</source>
            <translation>caravan %1 cannot fit the show at %2 into a trip on %3</translation>
        </message>
        <message>
            <source>request %1 is not served in this plan</source>
            <translation>request %1 is not served in this plan</translation>
        </message>
        <message>
            <source>the plan has no caravan %1</source>
            <translation>the plan has no caravan %1</translation>
        </message>
        <message>
            <source>The tour planner</source>
            <translation>The tour planner</translation>
        </message>
        <message>
            <source>The rotation planner</source>
            <translation>The rotation planner</translation>
        </message>
        <message>
            <source>The museum-set regrouping</source>
            <translation>The museum-set regrouping</translation>
        </message>
        <message>
            <source>The caravan-kit regrouping</source>
            <translation>The caravan-kit regrouping</translation>
        </message>
        <message>
            <source>%1 was stopped before it found a plan; nothing was stored.</source>
            <translation>%1 was stopped before it found a plan; nothing was stored.</translation>
        </message>
        <message>
            <source>%1 proved that no plan keeps every rule; nothing was stored. Check the locked placements.</source>
            <translation>%1 proved that no plan keeps every rule; nothing was stored. Check the locked placements.</translation>
        </message>
        <message>
            <source>%1 found no plan in the %2 s it had; nothing was stored. Give it more time and solve again.</source>
            <translation>%1 found no plan in the %2 s it had; nothing was stored. Give it more time and solve again.</translation>
        </message>
        <message>
            <source>no such set, venue or period</source>
            <translation>no such set, venue or period</translation>
        </message>
        <message>
            <source>the hall is smaller than the set needs</source>
            <translation>the hall is smaller than the set needs</translation>
        </message>
        <message>
            <source>the venue does not host in that period</source>
            <translation>the venue does not host in that period</translation>
        </message>
        <message>
            <source>the venue has had this set before</source>
            <translation>the venue has had this set before</translation>
        </message>
        <message>
            <source>the set is not available in that period</source>
            <translation>the set is not available in that period</translation>
        </message>
        <message>
            <source>the venue is outside the set's region</source>
            <translation>the venue is outside the set's region</translation>
        </message>
        <message>
            <source>the set is locked in another venue in that period</source>
            <translation>the set is locked in another venue in that period</translation>
        </message>
        <message>
            <source>another set is locked in that venue in that period</source>
            <translation>another set is locked in that venue in that period</translation>
        </message>
        <message>
            <source>the set is locked in the same venue twice</source>
            <translation>the set is locked in the same venue twice</translation>
        </message>
        <message>
            <source>The lock of %1 in %2, period %3, cannot be kept: %4.</source>
            <translation>The lock of %1 in %2, period %3, cannot be kept: %4.</translation>
        </message>
        <message>
            <source>its trip that day has no room left for it</source>
            <translation>its trip that day has no room left for it</translation>
        </message>
        <message>
            <source>Request %1 is locked to caravan %2 on %3, which cannot be kept: %4.</source>
            <translation>Request %1 is locked to caravan %2 on %3, which cannot be kept: %4.</translation>
        </message>
        <message>
            <source>exhibit</source>
            <translation>exhibit</translation>
        </message>
        <message>
            <source>stop</source>
            <translation>stop</translation>
        </message>
        <message>
            <source>day</source>
            <translation>day</translation>
        </message>
        <message>
            <source>trip</source>
            <translation>trip</translation>
        </message>
        <message>
            <source>museum stay</source>
            <translation>museum stay</translation>
        </message>
        <message>
            <source>This kit was written for %1 %2, not for %3; nothing was imported.</source>
            <translation>This kit was written for %1 %2, not for %3; nothing was imported.</translation>
        </message>
        <message>
            <source>Record %1 of the kit names %2 %3, which is not part of %4 %5 as this database wrote the kit; nothing was imported.</source>
            <translation>Record %1 of the kit names %2 %3, which is not part of %4 %5 as this database wrote the kit; nothing was imported.</translation>
        </message>
        <message>
            <source>joint tour</source>
            <translation>joint tour</translation>
        </message>
        <message>
            <source>plan</source>
            <translation>plan</translation>
        </message>
        <message>
            <source>audit log</source>
            <translation>audit log</translation>
        </message>
        <message>
            <source>show record</source>
            <translation>show record</translation>
        </message>
        <message>
            <source>maintenance record</source>
            <translation>maintenance record</translation>
        </message>
        <message>
            <source>condition check</source>
            <translation>condition check</translation>
        </message>
        <message>
            <source>exhibit movement</source>
            <translation>exhibit movement</translation>
        </message>
        <message>
            <source>rotation plan</source>
            <translation>rotation plan</translation>
        </message>
        <message>
            <source>retirement decision</source>
            <translation>retirement decision</translation>
        </message>
        <message>
            <source>regrouping</source>
            <translation>regrouping</translation>
        </message>
        <message>
            <source>working calendar</source>
            <translation>working calendar</translation>
        </message>
        <message>
            <source>field kit</source>
            <translation>field kit</translation>
        </message>
        <message>
            <source>set</source>
            <translation>set</translation>
        </message>
        <message>
            <source>this</source>
            <translation>this</translation>
        </message>
        <message>
            <source>The server refused it: your account may not add this %1. Nothing was saved.</source>
            <translation>The server refused it: your account may not add this %1. Nothing was saved.</translation>
        </message>
        <message>
            <source>The server refused it: your account may not delete %1. Nothing was saved.</source>
            <translation>The server refused it: your account may not delete %1. Nothing was saved.</translation>
        </message>
        <message>
            <source>The server refused it: your account may not change %1 (it is another region's, or needs a higher level). Nothing was saved.</source>
            <translation>The server refused it: your account may not change %1 (it is another region's, or needs a higher level). Nothing was saved.</translation>
        </message>
        <message>
            <source>A plan named “%1” exists already; choose another name.</source>
            <translation>A plan named “%1” exists already; choose another name.</translation>
        </message>
        <message>
            <source>Nothing can be saved into %1 now (%2): it is read-only or another program holds it. Nothing was solved.</source>
            <translation>Nothing can be saved into %1 now (%2): it is read-only or another program holds it. Nothing was solved.</translation>
        </message>
        <message>
            <source>%1 belongs to the plan “%2”, which is a draft, not approved; no kit was written.</source>
            <translation>%1 belongs to the plan “%2”, which is a draft, not approved; no kit was written.</translation>
        </message>
        <message>
            <source>Trip %1</source>
            <translation>Trip %1</translation>
        </message>
        <message>
            <source>Stay %1</source>
            <translation>Stay %1</translation>
        </message>
        <message>
            <source>An upgrade of %1 was interrupted and left its tables half changed (%2). Put the copy %3 in its place; nothing was read or written.</source>
            <translation>An upgrade of %1 was interrupted and left its tables half changed (%2). Put the copy %3 in its place; nothing was read or written.</translation>
        </message>
        <message>
            <source>An upgrade of %1 was interrupted and left its tables half changed (%2), and no whole copy was found beside it: restore one kept elsewhere. Nothing was read or written.</source>
            <translation>An upgrade of %1 was interrupted and left its tables half changed (%2), and no whole copy was found beside it: restore one kept elsewhere. Nothing was read or written.</translation>
        </message>
        <message>
            <source>This computer has no system keyring to keep the password in. Tick “Keep the password in a file only you can read”, or leave the password empty.</source>
            <translation>This computer has no system keyring to keep the password in. Tick “Keep the password in a file only you can read”, or leave the password empty.</translation>
        </message>
        <message>
            <source>The system keyring refused the password (%1).</source>
            <translation>The system keyring refused the password (%1).</translation>
        </message>
        <message>
            <source>This kit cannot be used: its %1 “%2” is not one this program writes (it may have been edited outside the program). Ask the office for a new copy.</source>
            <translation>This kit cannot be used: its %1 “%2” is not one this program writes (it may have been edited outside the program). Ask the office for a new copy.</translation>
        </message>
        <message>
            <source>kit id</source>
            <translation>kit id</translation>
        </message>
        <message>
            <source>kind</source>
            <translation>kind</translation>
        </message>
        <message>
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <source>There is no plan named “%1”.</source>
            <translation>There is no plan named “%1”.</translation>
        </message>
        <message>
            <source>The plan is no longer there; someone may have removed it.</source>
            <translation>The plan is no longer there; someone may have removed it.</translation>
        </message>
        <message>
            <source>Plan “%1” was not solved by this program, so a move cannot be checked against it.</source>
            <translation>Plan “%1” was not solved by this program, so a move cannot be checked against it.</translation>
        </message>
        <message>
            <source>Request %1 is not served in this plan.</source>
            <translation>Request %1 is not served in this plan.</translation>
        </message>
        <message>
            <source>The road distances in %1 cannot be read.</source>
            <translation>The road distances in %1 cannot be read.</translation>
        </message>
        <message>
            <source>Plan at least one period of at least one month.</source>
            <translation>Plan at least one period of at least one month.</translation>
        </message>
        <message>
            <source>The changeover needs at least one working day.</source>
            <translation>The changeover needs at least one working day.</translation>
        </message>
        <message>
            <source>Period %1 (%2 to %3) is shorter than its changeover.</source>
            <translation>Period %1 (%2 to %3) is shorter than its changeover.</translation>
        </message>
        <message>
            <source>There are no museum sets to plan in %1.</source>
            <translation>There are no museum sets to plan in %1.</translation>
        </message>
        <message>
            <source>There are no museum sets to plan.</source>
            <translation>There are no museum sets to plan.</translation>
        </message>
        <message>
            <source>There are no exhibits to label there.</source>
            <translation>There are no exhibits to label there.</translation>
        </message>
        <message>
            <source>There is no tour plan yet: plan the tours first.</source>
            <translation>There is no tour plan yet: plan the tours first.</translation>
        </message>
        <message>
            <source>There is no rotation plan yet: plan the rotation first.</source>
            <translation>There is no rotation plan yet: plan the rotation first.</translation>
        </message>
        <message>
            <source>“%1” cannot be an account name: use lower-case letters, digits and _ (up to 63), starting with a letter and not with caravan_ or pg_. Nothing was added.</source>
            <translation>“%1” cannot be an account name: use lower-case letters, digits and _ (up to 63), starting with a letter and not with caravan_ or pg_. Nothing was added.</translation>
        </message>
        <message>
            <source>There is an account %1 already. Nothing was added.</source>
            <translation>There is an account %1 already. Nothing was added.</translation>
        </message>
        <message>
            <source>The server has a login %1 already (not an account of this program); choose another name. Nothing was added.</source>
            <translation>The server has a login %1 already (not an account of this program); choose another name. Nothing was added.</translation>
        </message>
        <message>
            <source>There is no region with the code %1. Nothing was added.</source>
            <translation>There is no region with the code %1. Nothing was added.</translation>
        </message>
        <message>
            <source>Region %1 is not of the level chosen; choose a region of that level. Nothing was added.</source>
            <translation>Region %1 is not of the level chosen; choose a region of that level. Nothing was added.</translation>
        </message>
        <message>
            <source>An empty password is refused; type one.</source>
            <translation>An empty password is refused; type one.</translation>
        </message>
        <message>
            <source>There is no account %1.</source>
            <translation>There is no account %1.</translation>
        </message>
        <message>
            <source>Accounts are for a shared PostgreSQL database; a SQLite file has one user and no sign-in.</source>
            <translation>Accounts are for a shared PostgreSQL database; a SQLite file has one user and no sign-in.</translation>
        </message>
        <message>
            <source>Only an administrator may add or change accounts. Nothing was changed.</source>
            <translation>Only an administrator may add or change accounts. Nothing was changed.</translation>
        </message>
        <message>
            <source>Not moved: %1</source>
            <translation>Not moved: %1</translation>
        </message>
        <message>
            <source>%1 was changed by someone else since you opened it; nothing was saved. Reload it and make your change again.</source>
            <translation>%1 was changed by someone else since you opened it; nothing was saved. Reload it and make your change again.</translation>
        </message>
        <message>
            <source>%1 is a field kit holding %2 record(s) not yet imported; import it first or write the new kit to another file.</source>
            <translation>%1 is a field kit holding %2 record(s) not yet imported; import it first or write the new kit to another file.</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>Change password</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>New password</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Password again</translation>
        </message>
    </context>
    <context>
        <name>PdfOutput</name>
        <message>
            <source>Not printed</source>
            <translation>Not printed</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
    </context>
    <context>
        <name>PlanFilterBar</name>
        <message>
            <source>All caravans</source>
            <translation>All caravans</translation>
        </message>
        <message>
            <source>All trips</source>
            <translation>All trips</translation>
        </message>
        <message>
            <source>All weeks</source>
            <translation>All weeks</translation>
        </message>
        <message>
            <source>All cities</source>
            <translation>All cities</translation>
        </message>
        <message>
            <source>%1 of %2 visits shown</source>
            <translation>%1 of %2 visits shown</translation>
        </message>
        <message>
            <source>all %1 visits shown</source>
            <translation>all %1 visits shown</translation>
        </message>
        <message>
            <source>Show one caravan's trips</source>
            <translation>Show one caravan's trips</translation>
        </message>
        <message>
            <source>Show one trip</source>
            <translation>Show one trip</translation>
        </message>
        <message>
            <source>Show one week</source>
            <translation>Show one week</translation>
        </message>
        <message>
            <source>Show one city's visits</source>
            <translation>Show one city's visits</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Show all</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>New %1</source>
            <translation>New %1</translation>
        </message>
        <message>
            <source>Edit %1 %2</source>
            <translation>Edit %1 %2</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>HH:MM</source>
            <translation>HH:MM</translation>
        </message>
        <message>
            <source>themes separated by 、</source>
            <translation>themes separated by 、</translation>
        </message>
        <message>
            <source>e.g. III、IV; empty: any type</source>
            <translation>e.g. III、IV; empty: any type</translation>
        </message>
        <message>
            <source>%1: "%2" is not a known code</source>
            <translation>%1: "%2" is not a known code</translation>
        </message>
        <message>
            <source>%1: tick at least one day</source>
            <translation>%1: tick at least one day</translation>
        </message>
        <message>
            <source>%1: "%2" %3</source>
            <translation>%1: "%2" %3</translation>
        </message>
        <message>
            <source>%1: must be filled in</source>
            <translation>%1: must be filled in</translation>
        </message>
        <message>
            <source>%1: "%2" comes before %3 "%4"</source>
            <translation>%1: "%2" comes before %3 "%4"</translation>
        </message>
        <message>
            <source>exactly one of %1 must be filled in</source>
            <translation>exactly one of %1 must be filled in</translation>
        </message>
    </context>
    <context>
        <name>RegroupingTab</name>
        <message>
            <source>Museum set</source>
            <translation>Museum set</translation>
        </message>
        <message>
            <source>Caravan kit</source>
            <translation>Caravan kit</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Exhibits now</source>
            <translation>Exhibits now</translation>
        </message>
        <message>
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <source>Complete (now → after)</source>
            <translation>Complete (now → after)</translation>
        </message>
        <message>
            <source>Moving in</source>
            <translation>Moving in</translation>
        </message>
        <message>
            <source>Moving out</source>
            <translation>Moving out</translation>
        </message>
        <message>
            <source>Museum sets: %1 of %2 complete after regrouping (%3 now), %4 exhibits moved. Caravan kits: %5 of %6 complete after regrouping (%7 now), %8 exhibits moved, %9 km.</source>
            <translation>Museum sets: %1 of %2 complete after regrouping (%3 now), %4 exhibits moved. Caravan kits: %5 of %6 complete after regrouping (%7 now), %8 exhibits moved, %9 km.</translation>
        </message>
        <message>
            <source>Exhibits moving into or out of %1: %2</source>
            <translation>Exhibits moving into or out of %1: %2</translation>
        </message>
        <message>
            <source>Every exhibit the regrouping moves: %1 (choose a set or kit to see its own)</source>
            <translation>Every exhibit the regrouping moves: %1 (choose a set or kit to see its own)</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <source>Exhibit</source>
            <translation>Exhibit</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>km</source>
            <translation>km</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Sets and kits</source>
            <translation>Sets and kits</translation>
        </message>
        <message>
            <source>Museum sets</source>
            <translation>Museum sets</translation>
        </message>
        <message>
            <source>Caravan kits</source>
            <translation>Caravan kits</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>The schedule of a stored rotation plan: halls per period, moves and truck-km.</source>
            <translation>The schedule of a stored rotation plan: halls per period, moves and truck-km.</translation>
        </message>
        <message>
            <source>No rotation plan to print yet — solve one in the Rotation planner.</source>
            <translation>No rotation plan to print yet — solve one in the Rotation planner.</translation>
        </message>
        <message>
            <source>Labels with a QR code for every exhibit of a set, on a caravan or in a depot.</source>
            <translation>Labels with a QR code for every exhibit of a set, on a caravan or in a depot.</translation>
        </message>
        <message>
            <source>Nothing to label here yet.</source>
            <translation>Nothing to label here yet.</translation>
        </message>
        <message>
            <source>Route sheets for the crews and a summary of a stored tour plan.</source>
            <translation>Route sheets for the crews and a summary of a stored tour plan.</translation>
        </message>
        <message>
            <source>This plan is a draft: every page prints with a draft mark. Approve it in its planner to print papers to hand out.</source>
            <translation>This plan is a draft: every page prints with a draft mark. Approve it in its planner to print papers to hand out.</translation>
        </message>
        <message>
            <source>Making the document…</source>
            <translation>Making the document…</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Reports and printing</source>
            <translation>Reports and printing</translation>
        </message>
        <message>
            <source>Route sheets</source>
            <translation>Route sheets</translation>
        </message>
        <message>
            <source>Plan summary</source>
            <translation>Plan summary</translation>
        </message>
        <message>
            <source>Rotation schedule</source>
            <translation>Rotation schedule</translation>
        </message>
        <message>
            <source>Exhibit labels</source>
            <translation>Exhibit labels</translation>
        </message>
        <message>
            <source>of a set</source>
            <translation>of a set</translation>
        </message>
        <message>
            <source>on a caravan</source>
            <translation>on a caravan</translation>
        </message>
        <message>
            <source>in a depot</source>
            <translation>in a depot</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>No tour plan to print yet — solve one in the Tour planner.</source>
            <translation>No tour plan to print yet — solve one in the Tour planner.</translation>
        </message>
    </context>
    <context>
        <name>RetirementPage</name>
        <message>
            <source>No consolidation plan yet — run one: it screens caravans, exhibits and sets against the retirement thresholds (Settings), regroups the rest into complete sets and kits, and re-plans the term without each caravan it would retire.</source>
            <translation>No consolidation plan yet — run one: it screens caravans, exhibits and sets against the retirement thresholds (Settings), regroups the rest into complete sets and kits, and re-plans the term without each caravan it would retire.</translation>
        </message>
        <message>
            <source>What if</source>
            <translation>What if</translation>
        </message>
        <message>
            <source>Requests lost</source>
            <translation>Requests lost</translation>
        </message>
        <message>
            <source>%1 moved to %2</source>
            <translation>%1 moved to %2</translation>
        </message>
        <message>
            <source>without %1</source>
            <translation>without %1</translation>
        </message>
        <message>
            <source>Requests served</source>
            <translation>Requests served</translation>
        </message>
        <message>
            <source>Only the province runs a consolidation.</source>
            <translation>Only the province runs a consolidation.</translation>
        </message>
        <message>
            <source>Key-county requests</source>
            <translation>Key-county requests</translation>
        </message>
        <message>
            <source>Key counties</source>
            <translation>Key counties</translation>
        </message>
        <message>
            <source>km</source>
            <translation>km</translation>
        </message>
        <message>
            <source>Requests gained</source>
            <translation>Requests gained</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>Screening caravans, exhibits and sets…</source>
            <translation>Screening caravans, exhibits and sets…</translation>
        </message>
        <message>
            <source>Regrouping the museum sets…</source>
            <translation>Regrouping the museum sets…</translation>
        </message>
        <message>
            <source>Regrouping the caravan kits…</source>
            <translation>Regrouping the caravan kits…</translation>
        </message>
        <message>
            <source>Planning the term as it is…</source>
            <translation>Planning the term as it is…</translation>
        </message>
        <message>
            <source>Re-planning the term for caravan %1…</source>
            <translation>Re-planning the term for caravan %1…</translation>
        </message>
        <message>
            <source>Storing the plan…</source>
            <translation>Storing the plan…</translation>
        </message>
        <message>
            <source>Done: %1 candidates in %2 s.</source>
            <translation>Done: %1 candidates in %2 s.</translation>
        </message>
        <message>
            <source>Not done: %1</source>
            <translation>Not done: %1</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Retirement and consolidation</source>
            <translation>Retirement and consolidation</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>Term</translation>
        </message>
        <message>
            <source>Screen, regroup and re-plan</source>
            <translation>Screen, regroup and re-plan</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Retirement report (PDF)…</source>
            <translation>Retirement report (PDF)…</translation>
        </message>
        <message>
            <source>Consolidation report (PDF)…</source>
            <translation>Consolidation report (PDF)…</translation>
        </message>
        <message>
            <source>The term re-planned without each caravan recommended for retirement, and with each one recommended for redeployment moved to the city that lacks one most. Each figure reads before → after: the term's plan as it is, then re-planned.</source>
            <translation>The term re-planned without each caravan recommended for retirement, and with each one recommended for redeployment moved to the city that lacks one most. Each figure reads before → after: the term's plan as it is, then re-planned.</translation>
        </message>
        <message>
            <source>Candidates and evidence</source>
            <translation>Candidates and evidence</translation>
        </message>
        <message>
            <source>Regrouped sets and kits</source>
            <translation>Regrouped sets and kits</translation>
        </message>
    </context>
    <context>
        <name>RotationCells</name>
        <message>
            <source>Earlier booking</source>
            <translation>Earlier booking</translation>
        </message>
        <message>
            <source>In maintenance</source>
            <translation>In maintenance</translation>
        </message>
        <message>
            <source>Region rule</source>
            <translation>Region rule</translation>
        </message>
        <message>
            <source>No hall fits</source>
            <translation>No hall fits</translation>
        </message>
        <message>
            <source>Had it before</source>
            <translation>Had it before</translation>
        </message>
        <message>
            <source>Halls booked</source>
            <translation>Halls booked</translation>
        </message>
        <message>
            <source>Hall used in another period</source>
            <translation>Hall used in another period</translation>
        </message>
        <message>
            <source>Halls taken</source>
            <translation>Halls taken</translation>
        </message>
        <message>
            <source>Changeover too short</source>
            <translation>Changeover too short</translation>
        </message>
        <message>
            <source>Nothing better</source>
            <translation>Nothing better</translation>
        </message>
        <message>
            <source>, </source>
            <comment>between the names of a list</comment>
            <translation>, </translation>
        </message>
        <message>
            <source>%1 and %2 more</source>
            <translation>%1 and %2 more</translation>
        </message>
        <message>
            <source>Still standing in %1 on a booking made before this plan.</source>
            <translation>Still standing in %1 on a booking made before this plan.</translation>
        </message>
        <message>
            <source>The set is in maintenance in this period.</source>
            <translation>The set is in maintenance in this period.</translation>
        </message>
        <message>
            <source>Region rule: the set rotates only in %1, and no hall there takes a set.</source>
            <translation>Region rule: the set rotates only in %1, and no hall there takes a set.</translation>
        </message>
        <message>
            <source>No hall fits: no hall has the %1 m² the set needs.</source>
            <translation>No hall fits: no hall has the %1 m² the set needs.</translation>
        </message>
        <message>
            <source>No hall fits: the set needs %1 m², and the largest hall in %2 has %3 m² (region rule: the set rotates only there).</source>
            <translation>No hall fits: the set needs %1 m², and the largest hall in %2 has %3 m² (region rule: the set rotates only there).</translation>
        </message>
        <message>
            <source>No hall fits: the set needs %1 m², and the largest hall has %2 m².</source>
            <translation>No hall fits: the set needs %1 m², and the largest hall has %2 m².</translation>
        </message>
        <message>
            <source>History: every hall that fits had this set before, and no hall gets a set twice: %1.</source>
            <translation>History: every hall that fits had this set before, and no hall gets a set twice: %1.</translation>
        </message>
        <message>
            <source>The halls left are booked outside this plan in this period: %1.</source>
            <translation>The halls left are booked outside this plan in this period: %1.</translation>
        </message>
        <message>
            <source>%1 in period %2</source>
            <translation>%1 in period %2</translation>
        </message>
        <message>
            <source>History: the halls left have this set in another period of this plan, and no hall gets a set twice: %1.</source>
            <translation>History: the halls left have this set in another period of this plan, and no hall gets a set twice: %1.</translation>
        </message>
        <message>
            <source>%1 with set %2</source>
            <translation>%1 with set %2</translation>
        </message>
        <message>
            <source>The halls left hold another set in this period: %1.</source>
            <translation>The halls left hold another set in this period: %1.</translation>
        </message>
        <message>
            <source>The halls left do not fit the changeover window: %1.</source>
            <translation>The halls left do not fit the changeover window: %1.</translation>
        </message>
        <message>
            <source>Moving from %1 to %2 takes %3 working days; the window has %4.</source>
            <translation>Moving from %1 to %2 takes %3 working days; the window has %4.</translation>
        </message>
        <message>
            <source>In %1 this set and set %2 change over in one window: %3 working days of uninstalling and installing; the window has %4.</source>
            <translation>In %1 this set and set %2 change over in one window: %3 working days of uninstalling and installing; the window has %4.</translation>
        </message>
        <message>
            <source>Nothing better: the solver left the set in store, though a hall was free and within reach: %1.</source>
            <translation>Nothing better: the solver left the set in store, though a hall was free and within reach: %1.</translation>
        </message>
        <message>
            <source>Hall used in period %1</source>
            <translation>Hall used in period %1</translation>
        </message>
        <message>
            <source>%1 (%2), open %3 to %4</source>
            <translation>%1 (%2), open %3 to %4</translation>
        </message>
        <message>
            <source>Locked: a re-solve keeps it.</source>
            <translation>Locked: a re-solve keeps it.</translation>
        </message>
        <message>
            <source>rotates in %1</source>
            <translation>rotates in %1</translation>
        </message>
        <message>
            <source>goes anywhere in the province</source>
            <translation>goes anywhere in the province</translation>
        </message>
        <message>
            <source>%1 %2: needs a hall of %3 m²; %4</source>
            <translation>%1 %2: needs a hall of %3 m²; %4</translation>
        </message>
        <message>
            <source>%1 of %2 free set-periods hosted; empty: %3</source>
            <translation>%1 of %2 free set-periods hosted; empty: %3</translation>
        </message>
    </context>
    <context>
        <name>RotationPage</name>
        <message>
            <source>No rotation plan yet — choose the first day and solve one.</source>
            <translation>No rotation plan yet — choose the first day and solve one.</translation>
        </message>
        <message>
            <source>%1 · %2 sets in %3 periods · %4 stays, %5 locked</source>
            <translation>%1 · %2 sets in %3 periods · %4 stays, %5 locked</translation>
        </message>
        <message>
            <source>%1 truck-km in %2 moves; %3 counties, %4 key counties</source>
            <translation>%1 truck-km in %2 moves; %3 counties, %4 key counties</translation>
        </message>
        <message>
            <source>Return to draft</source>
            <translation>Return to draft</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Only the province approves a rotation plan.</source>
            <translation>Only the province approves a rotation plan.</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Set</translation>
        </message>
        <message>
            <source>Period %1
%2 – %3</source>
            <translation>Period %1
%2 – %3</translation>
        </message>
        <message>
            <source>No rotation plan to show.</source>
            <translation>No rotation plan to show.</translation>
        </message>
        <message>
            <source>Unlock stay</source>
            <translation>Unlock stay</translation>
        </message>
        <message>
            <source>Lock stay</source>
            <translation>Lock stay</translation>
        </message>
        <message>
            <source>Export field kit</source>
            <translation>Export field kit</translation>
        </message>
        <message>
            <source>Field kits (*.ckit)</source>
            <translation>Field kits (*.ckit)</translation>
        </message>
        <message>
            <source>Field kit of stay %1 written to %2 (%3 parts).</source>
            <translation>Field kit of stay %1 written to %2 (%3 parts).</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>%1 s: %2 set-periods hosted, objective %3</source>
            <translation>%1 s: %2 set-periods hosted, objective %3</translation>
        </message>
        <message>
            <source>Done: plan %1 stored.</source>
            <translation>Done: plan %1 stored.</translation>
        </message>
        <message>
            <source>The checker found %1 broken rule(s); see the log.</source>
            <translation>The checker found %1 broken rule(s); see the log.</translation>
        </message>
        <message>
            <source>Not solved: %1</source>
            <translation>Not solved: %1</translation>
        </message>
        <message>
            <source>%1 (re-solved)</source>
            <translation>%1 (re-solved)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Solve a rotation</source>
            <translation>Solve a rotation</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>First day</translation>
        </message>
        <message>
            <source>Periods</source>
            <translation>Periods</translation>
        </message>
        <message>
            <source>Months per period</source>
            <translation>Months per period</translation>
        </message>
        <message>
            <source>Cities (empty: all)</source>
            <translation>Cities (empty: all)</translation>
        </message>
        <message>
            <source>Time limit (s)</source>
            <translation>Time limit (s)</translation>
        </message>
        <message>
            <source>Plan name</source>
            <translation>Plan name</translation>
        </message>
        <message>
            <source>first month and time, if left empty</source>
            <translation>first month and time, if left empty</translation>
        </message>
        <message>
            <source>e.g. 泰州市、扬州市</source>
            <translation>e.g. 泰州市、扬州市</translation>
        </message>
        <message>
            <source>Solve</source>
            <translation>Solve</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Re-solve keeping locks</source>
            <translation>Re-solve keeping locks</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Field kit of this stay…</source>
            <translation>Field kit of this stay…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>Send to printer…</source>
            <translation>Send to printer…</translation>
        </message>
        <message>
            <source>Sets × periods</source>
            <translation>Sets × periods</translation>
        </message>
        <message>
            <source>Map of moves</source>
            <translation>Map of moves</translation>
        </message>
    </context>
    <context>
        <name>Screenshots</name>
        <message>
            <source>Example tours, March 2027</source>
            <translation>Example tours, March 2027</translation>
        </message>
        <message>
            <source>Example rotation from March 2027</source>
            <translation>Example rotation from March 2027</translation>
        </message>
        <message>
            <source>Example consolidation, spring term 2027</source>
            <translation>Example consolidation, spring term 2027</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>SQLite database file</source>
            <translation>SQLite database file</translation>
        </message>
        <message>
            <source>SQLite databases (*.db *.sqlite)</source>
            <translation>SQLite databases (*.db *.sqlite)</translation>
        </message>
        <message>
            <source>Name a SQLite file or a PostgreSQL URL.</source>
            <translation>Name a SQLite file or a PostgreSQL URL.</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>Opening %1…</translation>
        </message>
        <message>
            <source>Connected to %1 and saved.</source>
            <translation>Connected to %1 and saved.</translation>
        </message>
        <message>
            <source>Road distances</source>
            <translation>Road distances</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Not saved: no file %1</source>
            <translation>Not saved: no file %1</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Not read: %1</source>
            <translation>Not read: %1</translation>
        </message>
        <message>
            <source>Only the province changes the working calendar.</source>
            <translation>Only the province changes the working calendar.</translation>
        </message>
        <message>
            <source>%1 row %2, %3: '%4' is not a date (YYYY-MM-DD)</source>
            <translation>%1 row %2, %3: '%4' is not a date (YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>Term</translation>
        </message>
        <message>
            <source>Holiday</source>
            <translation>Holiday</translation>
        </message>
        <message>
            <source>%1 row %2, %3: a name is needed</source>
            <translation>%1 row %2, %3: a name is needed</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>First day</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>Last day</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>name '%1' must be 1 to 40 characters, no spaces around it</source>
            <translation>name '%1' must be 1 to 40 characters, no spaces around it</translation>
        </message>
        <message>
            <source>name '%1' is used by term row %2 too</source>
            <translation>name '%1' is used by term row %2 too</translation>
        </message>
        <message>
            <source>(%1) the last day %2 is before the first %3</source>
            <translation>(%1) the last day %2 is before the first %3</translation>
        </message>
        <message>
            <source>(%1) starts %2, inside %3 (which runs to %4)</source>
            <translation>(%1) starts %2, inside %3 (which runs to %4)</translation>
        </message>
        <message>
            <source>%1 is listed twice (also holiday row %2)</source>
            <translation>%1 is listed twice (also holiday row %2)</translation>
        </message>
        <message>
            <source>(%1) the name is longer than 40 characters</source>
            <translation>(%1) the name is longer than 40 characters</translation>
        </message>
        <message>
            <source>Term row %1</source>
            <translation>Term row %1</translation>
        </message>
        <message>
            <source>Holiday row %1</source>
            <translation>Holiday row %1</translation>
        </message>
        <message>
            <source>Saved: %1 terms, %2 holidays.</source>
            <translation>Saved: %1 terms, %2 holidays.</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>SQLite file or PostgreSQL URL</source>
            <translation>SQLite file or PostgreSQL URL</translation>
        </message>
        <message>
            <source>Password (PostgreSQL)</source>
            <translation>Password (PostgreSQL)</translation>
        </message>
        <message>
            <source>kept in the system keyring (%1)</source>
            <translation>kept in the system keyring (%1)</translation>
        </message>
        <message>
            <source>this computer has no system keyring</source>
            <translation>this computer has no system keyring</translation>
        </message>
        <message>
            <source>Keep the password in a file only you can read, not in the keyring</source>
            <translation>Keep the password in a file only you can read, not in the keyring</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>Test and use this database</source>
            <translation>Test and use this database</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Language of the program</source>
            <translation>Language of the program</translation>
        </message>
        <message>
            <source>As the system</source>
            <translation>As the system</translation>
        </message>
        <message>
            <source>Planning and distances</source>
            <translation>Planning and distances</translation>
        </message>
        <message>
            <source>Time a tour solve may take (s)</source>
            <translation>Time a tour solve may take (s)</translation>
        </message>
        <message>
            <source>Road distances (CSV)</source>
            <translation>Road distances (CSV)</translation>
        </message>
        <message>
            <source>Optional: a file of from,to,km by venue or depot code. Pairs not listed use the great-circle distance × 1.3.</source>
            <translation>Optional: a file of from,to,km by venue or depot code. Pairs not listed use the great-circle distance × 1.3.</translation>
        </message>
        <message>
            <source>A leg is long above (km)</source>
            <translation>A leg is long above (km)</translation>
        </message>
        <message>
            <source> km</source>
            <translation> km</translation>
        </message>
        <message>
            <source>Retirement thresholds</source>
            <translation>Retirement thresholds</translation>
        </message>
        <message>
            <source>Caravan age for replacement (years)</source>
            <translation>Caravan age for replacement (years)</translation>
        </message>
        <message>
            <source>Caravan mileage for replacement (km)</source>
            <translation>Caravan mileage for replacement (km)</translation>
        </message>
        <message>
            <source>Repair cost as a share of value</source>
            <translation>Repair cost as a share of value</translation>
        </message>
        <message>
            <source>Years of repair cost counted</source>
            <translation>Years of repair cost counted</translation>
        </message>
        <message>
            <source>Repairs that make faults repeated</source>
            <translation>Repairs that make faults repeated</translation>
        </message>
        <message>
            <source>Years of repairs counted</source>
            <translation>Years of repairs counted</translation>
        </message>
        <message>
            <source>Under-use: share of the fleet median</source>
            <translation>Under-use: share of the fleet median</translation>
        </message>
        <message>
            <source>Save settings</source>
            <translation>Save settings</translation>
        </message>
        <message>
            <source>Working calendar</source>
            <translation>Working calendar</translation>
        </message>
        <message>
            <source>The school terms and public holidays every planner in this database uses. Crews work Monday to Friday except holidays; schools take shows only within a term. Dates as YYYY-MM-DD.</source>
            <translation>The school terms and public holidays every planner in this database uses. Crews work Monday to Friday except holidays; schools take shows only within a term. Dates as YYYY-MM-DD.</translation>
        </message>
        <message>
            <source>School terms</source>
            <translation>School terms</translation>
        </message>
        <message>
            <source>Public holidays</source>
            <translation>Public holidays</translation>
        </message>
        <message>
            <source>Add term</source>
            <translation>Add term</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>Add holiday</source>
            <translation>Add holiday</translation>
        </message>
        <message>
            <source>Save calendar</source>
            <translation>Save calendar</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Reload</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <source>The server refused user %1: wrong name or password.</source>
            <translation>The server refused user %1: wrong name or password.</translation>
        </message>
        <message>
            <source>The server refused user %1: the account is disabled. Ask an administrator.</source>
            <translation>The server refused user %1: the account is disabled. Ask an administrator.</translation>
        </message>
        <message>
            <source>The server does not let user %1 connect from this computer. Ask the server's administrator to allow it (pg_hba.conf).</source>
            <translation>The server does not let user %1 connect from this computer. Ask the server's administrator to allow it (pg_hba.conf).</translation>
        </message>
        <message>
            <source>The server at %1 has no database %2.</source>
            <translation>The server at %1 has no database %2.</translation>
        </message>
        <message>
            <source>No answer from the server at %1. Check the address and that the server is running.</source>
            <translation>No answer from the server at %1. Check the address and that the server is running.</translation>
        </message>
        <message>
            <source>Could not sign in to the server at %1 (the details are in the log).</source>
            <translation>Could not sign in to the server at %1 (the details are in the log).</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Sign in to the shared database with your own account.</source>
            <translation>Sign in to the shared database with your own account.</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Remember the password on this computer</source>
            <translation>Remember the password on this computer</translation>
        </message>
        <message>
            <source>Kept in a file only you can read, as chosen in Settings.</source>
            <translation>Kept in a file only you can read, as chosen in Settings.</translation>
        </message>
        <message>
            <source>Kept in the system keyring (%1).</source>
            <translation>Kept in the system keyring (%1).</translation>
        </message>
        <message>
            <source>This computer has no system keyring to keep it in.</source>
            <translation>This computer has no system keyring to keep it in.</translation>
        </message>
        <message>
            <source>Enter your user name.</source>
            <translation>Enter your user name.</translation>
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation>Connecting to %1…</translation>
        </message>
        <message>
            <source>Signed in, but the password was not remembered: %1 Press %2 to go on.</source>
            <translation>Signed in, but the password was not remembered: %1 Press %2 to go on.</translation>
        </message>
    </context>
    <context>
        <name>Terms</name>
        <message>
            <source>%1 tours %2</source>
            <translation>%1 tours %2</translation>
        </message>
        <message>
            <source>Rotation from %1 %2</source>
            <translation>Rotation from %1 %2</translation>
        </message>
        <message>
            <source>%1 consolidation %2</source>
            <translation>%1 consolidation %2</translation>
        </message>
    </context>
    <context>
        <name>TourHandEdits</name>
        <message>
            <source>Not moved: %1</source>
            <translation>Not moved: %1</translation>
        </message>
        <message>
            <source>Moving %1…</source>
            <translation>Moving %1…</translation>
        </message>
        <message>
            <source>Placed %1 (%2) with %3 on %4; it is locked there.</source>
            <translation>Placed %1 (%2) with %3 on %4; it is locked there.</translation>
        </message>
        <message>
            <source>Place request %1</source>
            <translation>Place request %1</translation>
        </message>
        <message>
            <source>Moved %1 (%2) to %3 on %4; it is locked there.</source>
            <translation>Moved %1 (%2) to %3 on %4; it is locked there.</translation>
        </message>
        <message>
            <source>Move visit %1</source>
            <translation>Move visit %1</translation>
        </message>
    </context>
    <context>
        <name>TourPlanActions</name>
        <message>
            <source>Unlock visit</source>
            <translation>Unlock visit</translation>
        </message>
        <message>
            <source>Lock visit</source>
            <translation>Lock visit</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>Lock visit %1</source>
            <translation>Lock visit %1</translation>
        </message>
        <message>
            <source>Unlock visit %1</source>
            <translation>Unlock visit %1</translation>
        </message>
        <message>
            <source>Move visit…</source>
            <translation>Move visit…</translation>
        </message>
        <message>
            <source>Export field kit</source>
            <translation>Export field kit</translation>
        </message>
        <message>
            <source>Field kits (*.ckit)</source>
            <translation>Field kits (*.ckit)</translation>
        </message>
        <message>
            <source>Field kit of trip %1 written to %2 (%3 parts).</source>
            <translation>Field kit of trip %1 written to %2 (%3 parts).</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Approve plan %1?</source>
            <translation>Approve plan %1?</translation>
        </message>
        <message>
            <source>%1 (re-solved)</source>
            <translation>%1 (re-solved)</translation>
        </message>
    </context>
    <context>
        <name>TourPlanViews</name>
        <message>
            <source>Solve or choose a plan to see it on the map.</source>
            <translation>Solve or choose a plan to see it on the map.</translation>
        </message>
        <message>
            <source>Caravan</source>
            <translation>Caravan</translation>
        </message>
        <message>
            <source>Trip leaves</source>
            <translation>Trip leaves</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Arrives</source>
            <translation>Arrives</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Venue</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>County</source>
            <translation>County</translation>
        </message>
        <message>
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <source>Key county</source>
            <translation>Key county</translation>
        </message>
        <message>
            <source>km from previous</source>
            <translation>km from previous</translation>
        </message>
        <message>
            <source>Long leg</source>
            <translation>Long leg</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Locked</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>Trip</source>
            <translation>Trip</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Priority</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Caravans that fit, elsewhere</source>
            <translation>Caravans that fit, elsewhere</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
    </context>
    <context>
        <name>TourPlannerPage</name>
        <message>
            <source>No tour plan yet — choose the dates and solve one.</source>
            <translation>No tour plan yet — choose the dates and solve one.</translation>
        </message>
        <message>
            <source>%1 to %2 · %3
Served %4 of %5 requests, key counties %6 of %7
%8 km in %9 trips, %10 days on the road, %11 locked visits</source>
            <translation>%1 to %2 · %3
Served %4 of %5 requests, key counties %6 of %7
%8 km in %9 trips, %10 days on the road, %11 locked visits</translation>
        </message>
        <message>
            <source>Return to draft</source>
            <translation>Return to draft</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Lock visit</source>
            <translation>Lock visit</translation>
        </message>
        <message>
            <source>Move visit…</source>
            <translation>Move visit…</translation>
        </message>
        <message>
            <source>Solve</source>
            <translation>Solve</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>Term</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>Time limit (s)</source>
            <translation>Time limit (s)</translation>
        </message>
        <message>
            <source>Days per caravan, at most</source>
            <translation>Days per caravan, at most</translation>
        </message>
        <message>
            <source>no cap</source>
            <translation>no cap</translation>
        </message>
        <message>
            <source>Plan name</source>
            <translation>Plan name</translation>
        </message>
        <message>
            <source>term and time, if left empty</source>
            <translation>term and time, if left empty</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <source>Linkage (联动)</source>
            <translation>Linkage (联动)</translation>
        </message>
        <message>
            <source>Field kit of this trip…</source>
            <translation>Field kit of this trip…</translation>
        </message>
        <message>
            <source>Place by hand…</source>
            <translation>Place by hand…</translation>
        </message>
        <message>
            <source>Other dates</source>
            <translation>Other dates</translation>
        </message>
        <message>
            <source>Your account may not do this: a county's account approves nothing, a city's approves only plans whose trips are all its own caravans'.</source>
            <translation>Your account may not do this: a county's account approves nothing, a city's approves only plans whose trips are all its own caravans'.</translation>
        </message>
        <message>
            <source>Hide the Solve and Plan panels</source>
            <translation>Hide the Solve and Plan panels</translation>
        </message>
        <message>
            <source>Show the Solve and Plan panels</source>
            <translation>Show the Solve and Plan panels</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Re-solve keeping locks</source>
            <translation>Re-solve keeping locks</translation>
        </message>
        <message>
            <source>Compare two plans…</source>
            <translation>Compare two plans…</translation>
        </message>
        <message>
            <source>Itinerary</source>
            <translation>Itinerary</translation>
        </message>
        <message>
            <source>Unserved</source>
            <translation>Unserved</translation>
        </message>
        <message>
            <source>A locked visit stays on its caravan and day when the plan is re-solved.</source>
            <translation>A locked visit stays on its caravan and day when the plan is re-solved.</translation>
        </message>
        <message>
            <source>No plan to show.</source>
            <translation>No plan to show.</translation>
        </message>
        <message>
            <source>on the road</source>
            <translation>on the road</translation>
        </message>
        <message>
            <source>show</source>
            <translation>show</translation>
        </message>
        <message>
            <source>show in a key county</source>
            <translation>show in a key county</translation>
        </message>
        <message>
            <source>locked visit</source>
            <translation>locked visit</translation>
        </message>
    </context>
    <context>
        <name>TourSolving</name>
        <message>
            <source>Caravans to plan</source>
            <translation>Caravans to plan</translation>
        </message>
        <message>
            <source>Requests to plan</source>
            <translation>Requests to plan</translation>
        </message>
        <message>
            <source>Caravans: your own (%1)</source>
            <translation>Caravans: your own (%1)</translation>
        </message>
        <message>
            <source>Caravans: all</source>
            <translation>Caravans: all</translation>
        </message>
        <message>
            <source>Caravans: %1</source>
            <translation>Caravans: %1</translation>
        </message>
        <message>
            <source>Requests: all open</source>
            <translation>Requests: all open</translation>
        </message>
        <message>
            <source>Requests: %1</source>
            <translation>Requests: %1</translation>
        </message>
        <message>
            <source>Cannot solve</source>
            <translation>Cannot solve</translation>
        </message>
        <message>
            <source>The last day is before the first.</source>
            <translation>The last day is before the first.</translation>
        </message>
        <message>
            <source>A plan named %1 exists already.</source>
            <translation>A plan named %1 exists already.</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>%1 s: %2 requests served, best objective %3</source>
            <translation>%1 s: %2 requests served, best objective %3</translation>
        </message>
        <message>
            <source>Cancelling: keeping the best plan found so far…</source>
            <translation>Cancelling: keeping the best plan found so far…</translation>
        </message>
        <message>
            <source>Done: %1 of %2 requests served in %3 s (%4).</source>
            <translation>Done: %1 of %2 requests served in %3 s (%4).</translation>
        </message>
        <message>
            <source>The checker found %1 broken rule(s); see the log.</source>
            <translation>The checker found %1 broken rule(s); see the log.</translation>
        </message>
        <message>
            <source>Not solved: %1</source>
            <translation>Not solved: %1</translation>
        </message>
    </context>
    <context>
        <name>VenuesAndRegionsPage</name>
        <message>
            <source>Venues</source>
            <translation>Venues</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regions</translation>
        </message>
        <message>
            <source>Depots</source>
            <translation>Depots</translation>
        </message>
    </context>
</TS>
