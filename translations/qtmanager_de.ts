<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;Remember this connection</source>
        <translation>&amp;Diese Verbindung merken</translation>
    </message>
    <message>
        <source>Add Connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;URI:</source>
        <translation>&amp;URI:</translation>
    </message>
    <message>
        <source>Replace &quot;host&quot; with the name of a remote machine.</source>
        <translation>Ersetzen Sie „host“ durch den Namen eines entfernten Rechners.</translation>
    </message>
</context>
<context>
    <name>ConnectionListModel</name>
    <message>
        <source>Lost the connection to %1; reconnecting</source>
        <translation>Verbindung zu %1 verloren; neuer Versuch läuft</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connection lost, reconnecting…</source>
        <translation>Verbindung verloren, verbinde neu…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Log In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
</context>
<context>
    <name>DetailsWindow</name>
    <message>
        <source>%1 – QtVirt Manager</source>
        <translation>%1 – QtVirt Manager</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>&amp;Konsole</translation>
    </message>
    <message>
        <source>&amp;Display</source>
        <translation>&amp;Anzeige</translation>
    </message>
    <message>
        <source>&amp;XML</source>
        <translation>&amp;XML</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Neu &amp;verbinden</translation>
    </message>
    <message>
        <source>Connecting to the serial console…</source>
        <translation>Verbindung zur seriellen Konsole wird hergestellt…</translation>
    </message>
    <message>
        <source>The console was closed.</source>
        <translation>Die Konsole wurde geschlossen.</translation>
    </message>
    <message>
        <source>Connected to the serial console.</source>
        <translation>Mit der seriellen Konsole verbunden.</translation>
    </message>
    <message>
        <source>The console could not be opened.</source>
        <translation>Die Konsole konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>The console could not be opened: %1</source>
        <translation>Die Konsole konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Connecting to the display…</source>
        <translation>Verbindung zur Anzeige wird hergestellt…</translation>
    </message>
    <message>
        <source>This domain has no graphical display.</source>
        <translation>Diese Domäne hat keine grafische Anzeige.</translation>
    </message>
    <message>
        <source>This domain has no graphical display that can be shown here: %1</source>
        <translation>Diese Domäne hat keine grafische Anzeige, die hier gezeigt werden kann: %1</translation>
    </message>
    <message>
        <source>The display&apos;s connection ended; reconnecting…</source>
        <translation>Die Verbindung zur Anzeige wurde beendet; sie wird neu hergestellt…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The XML could not be read: %1</source>
        <translation>Das XML konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>vCPUs:</source>
        <translation>vCPUs:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>Persistent:</source>
        <translation>Dauerhaft:</translation>
    </message>
    <message>
        <source>Autostart:</source>
        <translation>Autostart:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>Belegter Speicher</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>Datenträger-E/A</translation>
    </message>
    <message>
        <source>Network I/O</source>
        <translation>Netzwerk-E/A</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>none (not running)</source>
        <translation>keine (läuft nicht)</translation>
    </message>
    <message>
        <source>&amp;Snapshots</source>
        <translation>&amp;Schnappschüsse</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
</context>
<context>
    <name>DomainActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <comment>Start</comment>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Shut &amp;Down</source>
        <translation>&amp;Herunterfahren</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <comment>Shut Down</comment>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Re&amp;boot</source>
        <translation>Neu&amp;starten</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <comment>Reboot</comment>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Force Off</source>
        <translation>&amp;Ausschalten erzwingen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <comment>Force Off</comment>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Shutting down…</source>
        <translation>Wird heruntergefahren…</translation>
    </message>
    <message>
        <source>Asked %1 to shut down</source>
        <translation>%1 wurde gebeten, herunterzufahren</translation>
    </message>
    <message>
        <source>Cannot shut down %1: %2</source>
        <translation>%1 kann nicht heruntergefahren werden: %2</translation>
    </message>
    <message>
        <source>Rebooting…</source>
        <translation>Wird neu gestartet…</translation>
    </message>
    <message>
        <source>Asked %1 to reboot</source>
        <translation>%1 wurde gebeten, neu zu starten</translation>
    </message>
    <message>
        <source>Cannot reboot %1: %2</source>
        <translation>%1 kann nicht neu gestartet werden: %2</translation>
    </message>
    <message>
        <source>Forcing off…</source>
        <translation>Wird ausgeschaltet…</translation>
    </message>
    <message>
        <source>Forced %1 off</source>
        <translation>%1 ausgeschaltet</translation>
    </message>
    <message>
        <source>Cannot force %1 off: %2</source>
        <translation>%1 kann nicht ausgeschaltet werden: %2</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>Wird pausiert…</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>%1 pausiert</translation>
    </message>
    <message>
        <source>Cannot pause %1: %2</source>
        <translation>%1 kann nicht pausiert werden: %2</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Resumed %1</source>
        <translation>%1 fortgesetzt</translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation>%1 kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Delete Domain</source>
        <translation>Domain löschen</translation>
    </message>
    <message>
        <source>Delete the domain &quot;%1&quot;? Its configuration is removed; its disk images are kept.</source>
        <translation>Die Domain „%1“ löschen? Ihre Konfiguration wird entfernt; ihre Plattenabbilder bleiben erhalten.</translation>
    </message>
    <message>
        <source>It goes on running until it stops, and then it is gone.</source>
        <translation>Sie läuft weiter, bis sie anhält, und ist dann verschwunden.</translation>
    </message>
    <message>
        <source>Also remove its managed save image and snapshot metadata</source>
        <translation>Auch ihr verwaltetes Sicherungsabbild und die Metadaten ihrer Snapshots entfernen</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Si&amp;chern</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <comment>Save</comment>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sichere…</translation>
    </message>
    <message>
        <source>Saved %1; Start restores it</source>
        <translation>%1 gesichert; Starten stellt es wieder her</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gesichert werden: %2</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>from a snapshot</source>
        <translation>aus einem Schnappschuss</translation>
    </message>
    <message>
        <source>booted</source>
        <translation>gebootet</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>E/A-Fehler</translation>
    </message>
    <message>
        <source>unpaused</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>heruntergefahren</translation>
    </message>
    <message>
        <source>forced off</source>
        <translation>hart ausgeschaltet</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gesichert</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Events of %1 since this window opened.</source>
        <translation>Ereignisse von %1, seit dieses Fenster offen ist.</translation>
    </message>
    <message>
        <source>Cannot receive this domain&apos;s events: %1</source>
        <translation>Die Ereignisse dieser Domäne können nicht empfangen werden: %1</translation>
    </message>
    <message>
        <source>Rebooted</source>
        <translation>Neu gestartet</translation>
    </message>
    <message>
        <source>Device %1 added</source>
        <translation>Gerät %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Device %1 removed</source>
        <translation>Gerät %1 entfernt</translation>
    </message>
    <message>
        <source>I/O error on %1 (%2)</source>
        <translation>E/A-Fehler auf %1 (%2)</translation>
    </message>
    <message>
        <source>Watchdog fired</source>
        <translation>Watchdog ausgelöst</translation>
    </message>
    <message>
        <source>Defined</source>
        <translation>Definiert</translation>
    </message>
    <message>
        <source>Undefined</source>
        <translation>Definition entfernt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>Fährt herunter</translation>
    </message>
    <message>
        <source>Suspended by power management</source>
        <translation>Von der Energieverwaltung angehalten</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>HistoryGraph</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <source>QtVirt Manager</source>
        <translation>QtVirt-Manager</translation>
    </message>
    <message>
        <source>Filter domains</source>
        <translation>Domains filtern</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;Add Connection…</source>
        <translation>Verbindung &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove Connection</source>
        <translation>Verbindung &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find Domain</source>
        <translation>Domain &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Domain</source>
        <translation>Do&amp;main</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About QtVirt Manager</source>
        <translation>&amp;Über den QtVirt-Manager</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>About QtVirt Manager</source>
        <translation>Über den QtVirt-Manager</translation>
    </message>
    <message>
        <source>A virtual machine manager built on QtVirt: libvirt&apos;s events arrive in the Qt event loop, with no polling thread.</source>
        <translation>Eine Verwaltung virtueller Maschinen auf Basis von QtVirt: die Ereignisse von libvirt kommen in der Ereignisschleife von Qt an, ohne abfragenden Thread.</translation>
    </message>
    <message>
        <source>Open &amp;Details</source>
        <translation>&amp;Details öffnen</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <comment>Open Details</comment>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;New from XML…</source>
        <translation>&amp;Neu aus XML…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <comment>New from XML</comment>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Storage &amp;Volumes…</source>
        <translation>Speicher-&amp;Volumes…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <comment>Storage Volumes</comment>
        <translation>Ctrl+Shift+V</translation>
    </message>
</context>
<context>
    <name>NewDomainDialog</name>
    <message>
        <source>New Domain from XML</source>
        <translation>Neue Domäne aus XML</translation>
    </message>
    <message>
        <source>Paste a domain&apos;s XML here (&lt;domain type=…&gt;…&lt;/domain&gt;).</source>
        <translation>Fügen Sie hier das XML einer Domäne ein (&lt;domain type=…&gt;…&lt;/domain&gt;).</translation>
    </message>
    <message>
        <source>&amp;Define</source>
        <translation>&amp;Definieren</translation>
    </message>
    <message>
        <source>Keep the domain&apos;s configuration; it does not start.</source>
        <translation>Die Konfiguration der Domäne behalten; sie startet nicht.</translation>
    </message>
    <message>
        <source>Create and &amp;Run</source>
        <translation>Erstellen und &amp;ausführen</translation>
    </message>
    <message>
        <source>Start a transient domain: it is gone once it stops.</source>
        <translation>Eine flüchtige Domäne starten: Sie verschwindet, sobald sie anhält.</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>Creating the domain…</source>
        <translation>Erstelle die Domäne…</translation>
    </message>
    <message>
        <source>Defining the domain…</source>
        <translation>Definiere die Domäne…</translation>
    </message>
    <message>
        <source>Cannot create the domain: %1</source>
        <translation>Die Domäne kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Cannot define the domain: %1</source>
        <translation>Die Domäne kann nicht definiert werden: %1</translation>
    </message>
    <message>
        <source>Created and started %1</source>
        <translation>%1 erstellt und gestartet</translation>
    </message>
    <message>
        <source>Defined %1</source>
        <translation>%1 definiert</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>QtManager</name>
    <message>
        <source>Manages the virtual machines of libvirt connections.</source>
        <translation>Verwaltet die virtuellen Maschinen von libvirt-Verbindungen.</translation>
    </message>
    <message>
        <source>Do not open the connections remembered from earlier sessions.</source>
        <translation>Die aus früheren Sitzungen gemerkten Verbindungen nicht öffnen.</translation>
    </message>
    <message>
        <source>Connections to open, for example qemu:///system (not remembered).</source>
        <translation>Zu öffnende Verbindungen, zum Beispiel qemu:///system (werden nicht gemerkt).</translation>
    </message>
    <message>
        <source>[URI...]</source>
        <translation>[URI...]</translation>
    </message>
</context>
<context>
    <name>SnapshotsTab</name>
    <message>
        <source>&amp;Take</source>
        <translation>&amp;Aufnehmen</translation>
    </message>
    <message>
        <source>Re&amp;vert To</source>
        <translation>&amp;Zurücksetzen auf</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Name of a new snapshot (optional)</source>
        <translation>Name eines neuen Schnappschusses (optional)</translation>
    </message>
    <message>
        <source>Reading the snapshots…</source>
        <translation>Lese die Schnappschüsse…</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s)</source>
        <translation>
            <numerusform>%n Schnappschuss</numerusform>
            <numerusform>%n Schnappschüsse</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the snapshots: %1</source>
        <translation>Die Schnappschüsse können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Taking a snapshot…</source>
        <translation>Nehme einen Schnappschuss auf…</translation>
    </message>
    <message>
        <source>Cannot take a snapshot: %1</source>
        <translation>Kein Schnappschuss möglich: %1</translation>
    </message>
    <message>
        <source>Revert to Snapshot</source>
        <translation>Auf Schnappschuss zurücksetzen</translation>
    </message>
    <message>
        <source>Revert &quot;%1&quot; to its snapshot &quot;%2&quot;? Its state since then is lost.</source>
        <translation>„%1“ auf seinen Schnappschuss „%2“ zurücksetzen? Sein Zustand seitdem geht verloren.</translation>
    </message>
    <message>
        <source>Reverting to %1…</source>
        <translation>Setze auf %1 zurück…</translation>
    </message>
    <message>
        <source>Cannot revert to %1: %2</source>
        <translation>Zurücksetzen auf %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Delete Snapshot</source>
        <translation>Schnappschuss löschen</translation>
    </message>
    <message>
        <source>Delete the snapshot &quot;%1&quot; of &quot;%2&quot;?</source>
        <translation>Den Schnappschuss „%1“ von „%2“ löschen?</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>Lösche %1…</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>VncView</name>
    <message>
        <source>The display&apos;s server did not complete the VNC handshake.</source>
        <translation>Der Server der Anzeige hat den VNC-Verbindungsaufbau nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The display&apos;s connection ended.</source>
        <translation>Die Verbindung zur Anzeige wurde beendet.</translation>
    </message>
</context>
<context>
    <name>VolumesWindow</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Herunterladen…</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>H&amp;ochladen…</translation>
    </message>
    <message>
        <source>Storage Volumes – %1</source>
        <translation>Speicher-Volumes – %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>This connection has no active storage pool.</source>
        <translation>Diese Verbindung hat keinen aktiven Speicherpool.</translation>
    </message>
    <message>
        <source>Cannot list the storage pools: %1</source>
        <translation>Die Speicherpools können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Cannot list the volumes of pool %1: %2</source>
        <translation>Die Volumes des Pools %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>Download Volume %1</source>
        <translation>Volume %1 herunterladen</translation>
    </message>
    <message>
        <source>Upload into Volume %1</source>
        <translation>In Volume %1 hochladen</translation>
    </message>
    <message>
        <source>Upload into Volume</source>
        <translation>In Volume hochladen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Downloading volume %1 into %2…</source>
        <translation>Volume %1 wird nach %2 heruntergeladen…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file %1 (%2) is larger than volume %3 (%4).</source>
        <translation>Die Datei %1 (%2) ist größer als das Volume %3 (%4).</translation>
    </message>
    <message>
        <source>Uploading %1 into volume %2…</source>
        <translation>%1 wird in das Volume %2 hochgeladen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Stop the Transfer</source>
        <translation>Übertragung abbrechen</translation>
    </message>
    <message>
        <source>A transfer is running. Stop it and close the window?</source>
        <translation>Eine Übertragung läuft. Abbrechen und das Fenster schließen?</translation>
    </message>
    <message>
        <source>Write the file %1 (%2) into volume %3 (%4)? What the volume holds there is overwritten.</source>
        <translation>Die Datei %1 (%2) in das Volume %3 (%4) schreiben? Was das Volume dort enthält, wird überschrieben.</translation>
    </message>
    <message>
        <source>Downloaded volume %1 into %2.</source>
        <translation>Volume %1 wurde nach %2 heruntergeladen.</translation>
    </message>
    <message>
        <source>The download of volume %1 was canceled.</source>
        <translation>Das Herunterladen des Volumes %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The download of volume %1 failed: %2</source>
        <translation>Das Herunterladen des Volumes %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Uploaded %1 into volume %2.</source>
        <translation>%1 wurde in das Volume %2 hochgeladen.</translation>
    </message>
    <message>
        <source>The upload into volume %1 was canceled.</source>
        <translation>Das Hochladen in das Volume %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The upload into volume %1 failed: %2</source>
        <translation>Das Hochladen in das Volume %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
</TS>
