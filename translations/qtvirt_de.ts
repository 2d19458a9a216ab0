<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QVirtConnection</name>
    <message>
        <source>the connection is not open</source>
        <translation>die Verbindung ist nicht geöffnet</translation>
    </message>
    <message>
        <source>no domain %1</source>
        <translation>keine Domain %1</translation>
    </message>
    <message>
        <source>the operation failed</source>
        <translation>der Vorgang ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cannot define the domain</source>
        <translation>die Domain kann nicht definiert werden</translation>
    </message>
    <message>
        <source>cannot connect to %1</source>
        <translation>keine Verbindung zu %1 möglich</translation>
    </message>
    <message>
        <source>invalid domain reference: it has neither a name nor a UUID</source>
        <translation>ungültige Domain-Referenz: sie hat weder einen Namen noch eine UUID</translation>
    </message>
    <message>
        <source>out of memory while passing credentials to libvirt</source>
        <translation>kein Speicher mehr bei der Übergabe der Zugangsdaten an libvirt</translation>
    </message>
    <message>
        <source>libvirt asked for %1 credential(s), but the answer holds %2</source>
        <translation>libvirt hat nach %1 Zugangsdaten gefragt, die Antwort enthält aber %2</translation>
    </message>
    <message>
        <source>answer %1 to libvirt&apos;s credentials request is of type %2, but libvirt asked for %3</source>
        <translation>Antwort %1 auf die Zugangsdatenanfrage von libvirt hat den Typ %2, libvirt hat aber nach %3 gefragt</translation>
    </message>
    <message>
        <source>answer %1 to libvirt&apos;s credentials request contains a NUL character</source>
        <translation>Antwort %1 auf die Zugangsdatenanfrage von libvirt enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>cannot open the connection: no thread could be started for it</source>
        <translation>Verbindung kann nicht geöffnet werden: es konnte kein Thread dafür gestartet werden</translation>
    </message>
    <message>
        <source>cannot list the domains</source>
        <translation>Domänen können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>%1 KiB is more than libvirt can take here</source>
        <translation>%1 KiB ist mehr, als libvirt hier annehmen kann</translation>
    </message>
    <message>
        <source>cannot create the domain</source>
        <translation>Domäne kann nicht erzeugt werden</translation>
    </message>
    <message>
        <source>cannot open the console</source>
        <translation>die Konsole kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot connect to the graphics of the domain</source>
        <translation>keine Verbindung zur Grafik der Domäne möglich</translation>
    </message>
    <message>
        <source>cannot read the screenshot: %1</source>
        <translation>das Bildschirmfoto kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot take a screenshot of the domain</source>
        <translation>von der Domäne kann kein Bildschirmfoto gemacht werden</translation>
    </message>
    <message>
        <source>cannot save the domain</source>
        <translation>die Domäne kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>cannot restore the domain</source>
        <translation>die Domäne kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>cannot abort the domain&apos;s job</source>
        <translation>der Auftrag der Domäne kann nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>no snapshot %1</source>
        <translation>kein Snapshot %1</translation>
    </message>
    <message>
        <source>cannot list the snapshots</source>
        <translation>die Snapshots können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>cannot take a snapshot of the domain</source>
        <translation>von der Domäne kann kein Snapshot erstellt werden</translation>
    </message>
    <message>
        <source>cannot revert to snapshot %1</source>
        <translation>Snapshot %1 kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>cannot delete snapshot %1</source>
        <translation>Snapshot %1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>cannot download volume %1 of pool %2: %3</source>
        <translation>Volume %1 des Pools %2 kann nicht heruntergeladen werden: %3</translation>
    </message>
    <message>
        <source>cannot upload volume %1 of pool %2: %3</source>
        <translation>Volume %1 des Pools %2 kann nicht hochgeladen werden: %3</translation>
    </message>
    <message>
        <source>cannot make a stream</source>
        <translation>es kann kein Stream erzeugt werden</translation>
    </message>
    <message>
        <source>no storage pool %1</source>
        <translation>kein Speicherpool %1</translation>
    </message>
    <message>
        <source>no volume %1</source>
        <translation>kein Volume %1</translation>
    </message>
    <message>
        <source>the connection was destroyed first</source>
        <translation>die Verbindung wurde vorher zerstört</translation>
    </message>
    <message>
        <source>cannot list the storage pools</source>
        <translation>die Speicherpools können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>cannot list the volumes of pool %1</source>
        <translation>die Volumes des Pools %1 können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>cannot read volume %1</source>
        <translation>Volume %1 kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>QVirtDomainModel</name>
    <message>
        <source>the operation was canceled</source>
        <translation>der Vorgang wurde abgebrochen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>In shutdown</source>
        <translation>Wird heruntergefahren</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>Suspended by power management</source>
        <translation>Von der Energieverwaltung angehalten</translation>
    </message>
    <message>
        <source>No state</source>
        <translation>Kein Zustand</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>CPU %</source>
        <extracomment>The column of the domains&apos; CPU use, in percent.</extracomment>
        <translation>CPU-Last</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <extracomment>The column of the number of virtual CPUs.</extracomment>
        <translation>vCPUs</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Cannot shut down %1: %2</source>
        <translation>%1 kann nicht heruntergefahren werden: %2</translation>
    </message>
    <message>
        <source>Cannot reboot %1: %2</source>
        <translation>%1 kann nicht neu gestartet werden: %2</translation>
    </message>
    <message>
        <source>Cannot force off %1: %2</source>
        <translation>%1 kann nicht hart ausgeschaltet werden: %2</translation>
    </message>
    <message>
        <source>Cannot pause %1: %2</source>
        <translation>%1 kann nicht angehalten werden: %2</translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation>%1 kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>libvirt gave no reason</source>
        <translation>libvirt hat keinen Grund genannt</translation>
    </message>
    <message>
        <source>Cannot read the statistics of the domains of %1: %2</source>
        <translation>Die Statistiken der Domänen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot list the domains of %1: %2</source>
        <translation>Die Domänen von %1 können nicht aufgelistet werden: %2</translation>
    </message>
</context>
<context>
    <name>QVirtEvents</name>
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
        <source>Shut down</source>
        <translation>Heruntergefahren</translation>
    </message>
    <message>
        <source>PM suspended</source>
        <translation>In den Energiesparmodus versetzt</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>umbenannt</translation>
    </message>
    <message>
        <source>from snapshot</source>
        <translation>aus Snapshot</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>booted</source>
        <translation>gebootet</translation>
    </message>
    <message>
        <source>migrated</source>
        <translation>migriert</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <source>woken up</source>
        <translation>aufgeweckt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>wird migriert</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>E/A-Fehler</translation>
    </message>
    <message>
        <source>watchdog</source>
        <translation>Watchdog</translation>
    </message>
    <message>
        <source>API error</source>
        <translation>API-Fehler</translation>
    </message>
    <message>
        <source>post-copy</source>
        <translation>Post-Copy</translation>
    </message>
    <message>
        <source>post-copy failed</source>
        <translation>Post-Copy fehlgeschlagen</translation>
    </message>
    <message>
        <source>unpaused</source>
        <translation>Pause beendet</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>heruntergefahren</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>hart beendet</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>guest request</source>
        <translation>auf Anforderung des Gasts</translation>
    </message>
    <message>
        <source>host request</source>
        <translation>auf Anforderung des Hosts</translation>
    </message>
    <message>
        <source>to memory</source>
        <translation>in den Arbeitsspeicher</translation>
    </message>
    <message>
        <source>to disk</source>
        <translation>auf die Festplatte</translation>
    </message>
    <message>
        <source>panicked</source>
        <translation>Kernel-Panik</translation>
    </message>
    <message>
        <source>crash loaded</source>
        <translation>Absturzkernel geladen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>Unbekannt (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A domain lifecycle event with its detail, for example &quot;Stopped (destroyed)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>QVirtStream</name>
    <message>
        <source>Cannot write: finish() was called on the stream</source>
        <translation>Schreiben nicht möglich: finish() wurde für den Stream aufgerufen</translation>
    </message>
    <message>
        <source>Cannot write: the stream has ended</source>
        <translation>Schreiben nicht möglich: der Stream ist beendet</translation>
    </message>
    <message>
        <source>libvirt reported %1 on the stream</source>
        <translation>libvirt meldete %1 auf dem Stream</translation>
    </message>
    <message>
        <source>an error</source>
        <translation>einen Fehler</translation>
    </message>
    <message>
        <source>a hangup</source>
        <translation>einen Verbindungsabbruch</translation>
    </message>
    <message>
        <source>Cannot receive a hole from the stream: %1</source>
        <translation>Eine Lücke kann nicht aus dem Stream empfangen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read from the stream: %1</source>
        <translation>Aus dem Stream kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot send a hole to the stream: %1</source>
        <translation>Eine Lücke kann nicht an den Stream gesendet werden: %1</translation>
    </message>
    <message>
        <source>Cannot write to the stream: %1</source>
        <translation>In den Stream kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The stream did not finish cleanly: %1</source>
        <translation>Der Stream wurde nicht sauber abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Cannot watch the stream: %1</source>
        <translation>Der Stream kann nicht überwacht werden: %1</translation>
    </message>
    <message>
        <source>The connection to libvirt was lost during the transfer</source>
        <translation>Die Verbindung zu libvirt ist während der Übertragung abgebrochen</translation>
    </message>
    <message>
        <source>Cannot create a stream: %1</source>
        <translation>es kann kein Stream erstellt werden: %1</translation>
    </message>
    <message>
        <source>No valid stream to adopt</source>
        <translation>Kein gültiger Stream zum Übernehmen</translation>
    </message>
    <message>
        <source>A stream can be opened only once</source>
        <translation>Ein Stream kann nur einmal geöffnet werden</translation>
    </message>
    <message>
        <source>Open the stream for reading, writing or both</source>
        <translation>Öffnen Sie den Stream zum Lesen, zum Schreiben oder für beides</translation>
    </message>
    <message>
        <source>The stream needs QtVirtEventImpl::registerImpl() before the first connection is opened</source>
        <translation>Der Stream braucht QtVirtEventImpl::registerImpl(), bevor die erste Verbindung geöffnet wird</translation>
    </message>
    <message>
        <source>Cannot watch the stream (was it handed to a libvirt API such as virStorageVolDownload() first?): %1</source>
        <translation>Der Stream kann nicht überwacht werden (wurde er zuerst an eine libvirt-API wie virStorageVolDownload() übergeben?): %1</translation>
    </message>
    <message>
        <source>Cannot write a hole: the stream is not open for writing</source>
        <translation>Keine Lücke schreibbar: der Stream ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>Cannot write a hole: the stream is finishing or has ended</source>
        <translation>Keine Lücke schreibbar: der Stream wird abgeschlossen oder ist beendet</translation>
    </message>
    <message>
        <source>Cannot write a hole of %1 bytes</source>
        <translation>Eine Lücke von %1 Bytes kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot finish: the stream is not open</source>
        <translation>Abschließen nicht möglich: der Stream ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Cannot finish: the stream has ended</source>
        <translation>Abschließen nicht möglich: der Stream ist beendet</translation>
    </message>
    <message numerus="yes">
        <source>The stream ended before %n byte(s) could be sent</source>
        <translation>
            <numerusform>Der Stream endete, bevor %n Byte gesendet werden konnte</numerusform>
            <numerusform>Der Stream endete, bevor %n Bytes gesendet werden konnten</numerusform>
        </translation>
    </message>
    <message>
        <source>An earlier write to the stream failed</source>
        <translation>Ein früheres Schreiben in den Stream ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot read the file to send: %1</source>
        <translation>Die zu sendende Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file became shorter during the upload</source>
        <translation>die Datei ist während des Hochladens kürzer geworden</translation>
    </message>
</context>
<context>
    <name>QVirtStreamTransfer</name>
    <message>
        <source>The transfer needs a stream and a device</source>
        <translation>Die Übertragung braucht einen Stream und ein Gerät</translation>
    </message>
    <message>
        <source>The device is not open for writing</source>
        <translation>Das Gerät ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>The device is not open for reading</source>
        <translation>Das Gerät ist nicht zum Lesen geöffnet</translation>
    </message>
    <message>
        <source>The transfer was cancelled</source>
        <translation>Die Übertragung wurde abgebrochen</translation>
    </message>
    <message>
        <source>Cannot write to the device: %1</source>
        <translation>Auf das Gerät kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot write to the file: %1</source>
        <translation>In die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot seek in the file: %1</source>
        <translation>In der Datei kann nicht positioniert werden: %1</translation>
    </message>
    <message>
        <source>Cannot extend the file: %1</source>
        <translation>Die Datei kann nicht vergrößert werden: %1</translation>
    </message>
    <message>
        <source>Cannot read from the device: %1</source>
        <translation>Vom Gerät kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot find the holes of the file: %1</source>
        <translation>Die Lücken der Datei können nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>Cannot read from the file: %1</source>
        <translation>Aus der Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>it took no data</source>
        <translation>es hat keine Daten angenommen</translation>
    </message>
    <message>
        <source>The stream was deleted during the transfer</source>
        <translation>Der Stream wurde während der Übertragung gelöscht</translation>
    </message>
    <message>
        <source>The device was deleted during the transfer</source>
        <translation>Das Gerät wurde während der Übertragung gelöscht</translation>
    </message>
</context>
<context>
    <name>ScreenshotImageProvider</name>
    <message>
        <source>Not a screenshot id: expected image://qtvirt/&lt;percent-encoded connection URI&gt;/&lt;domain UUID&gt;</source>
        <translation>Keine Bildschirmfoto-ID: erwartet wird image://qtvirt/&lt;prozentkodierte Verbindungs-URI&gt;/&lt;Domänen-UUID&gt;</translation>
    </message>
    <message>
        <source>No open Connection has the URI %1</source>
        <translation>Keine geöffnete Connection hat die URI %1</translation>
    </message>
    <message>
        <source>Cannot decode the screenshot (%1)</source>
        <translation>Das Bildschirmfoto kann nicht dekodiert werden (%1)</translation>
    </message>
    <message>
        <source>The screenshot failed</source>
        <translation>Das Bildschirmfoto ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The QML engine is gone</source>
        <translation>Die QML-Engine existiert nicht mehr</translation>
    </message>
    <message>
        <source>The screenshot was canceled</source>
        <translation>Das Bildschirmfoto wurde abgebrochen</translation>
    </message>
</context>
</TS>
