<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CredentialPrompt</name>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
</context>
<context>
    <name>QtEvents</name>
    <message>
        <source>--%1 needs a whole number from 1 to %2, not &apos;%3&apos;</source>
        <translation>--%1 braucht eine ganze Zahl von 1 bis %2, nicht „%3“</translation>
    </message>
    <message>
        <source>Prints libvirt&apos;s events in the format of &apos;virsh event --all --loop --timestamp&apos;. Without --all or --event, it prints domain lifecycle events.</source>
        <translation>Gibt die Ereignisse von libvirt im Format von „virsh event --all --loop --timestamp“ aus. Ohne --all oder --event gibt es die Lebenszyklus-Ereignisse der Domains aus.</translation>
    </message>
    <message>
        <source>Connect to the hypervisor URI instead of libvirt&apos;s default.</source>
        <translation>Mit dem Hypervisor unter URI statt mit dem Standard von libvirt verbinden.</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Print every event: domain, network, storage pool, node device, secret.</source>
        <translation>Jedes Ereignis ausgeben: Domain, Netzwerk, Speicherpool, Knotengerät, Geheimnis.</translation>
    </message>
    <message>
        <source>Print the event NAME (repeatable): %1.</source>
        <translation>Das Ereignis NAME ausgeben (wiederholbar): %1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Keep printing until interrupted, not one event.</source>
        <translation>Bis zur Unterbrechung weiter ausgeben, nicht nur ein Ereignis.</translation>
    </message>
    <message>
        <source>Print a timestamp before each event.</source>
        <translation>Vor jedem Ereignis einen Zeitstempel ausgeben.</translation>
    </message>
    <message>
        <source>Exit after N events.</source>
        <translation>Nach N Ereignissen beenden.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Exit after SECONDS seconds.</source>
        <translation>Nach SEKUNDEN Sekunden beenden.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--all and --event exclude each other</source>
        <translation>--all und --event schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>E/A-Fehler</translation>
    </message>
    <message>
        <source>the daemon closed the connection</source>
        <translation>der Daemon hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the daemon stopped answering keepalive messages</source>
        <translation>der Daemon antwortet nicht mehr auf Keepalive-Nachrichten</translation>
    </message>
    <message>
        <source>closed by the client</source>
        <translation>vom Client geschlossen</translation>
    </message>
    <message>
        <source>unknown reason %1</source>
        <translation>unbekannter Grund %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: cannot run libvirt&apos;s event loop on Qt&apos;s</source>
        <translation>%1: die Ereignisschleife von libvirt kann nicht auf der von Qt laufen</translation>
    </message>
    <message>
        <source>libvirt&apos;s default URI</source>
        <translation>die Standard-URI von libvirt</translation>
    </message>
    <message>
        <source>%1: unknown event &apos;%2&apos;</source>
        <translation>%1: unbekanntes Ereignis „%2“</translation>
    </message>
    <message>
        <source>%1: cannot connect to %2: %3</source>
        <translation>%1: keine Verbindung zu %2 möglich: %3</translation>
    </message>
    <message>
        <source>%1: lost the connection to %2: %3</source>
        <translation>%1: Verbindung zu %2 abgebrochen: %3</translation>
    </message>
    <message>
        <source>%1: cannot watch SIGINT, SIGTERM and SIGHUP: %2</source>
        <translation>%1: SIGINT, SIGTERM und SIGHUP können nicht überwacht werden: %2</translation>
    </message>
    <message>
        <source>Print only the events of the domain NAME (a name or a UUID), which the daemon filters, and no event of other objects.</source>
        <translation>Nur die Ereignisse der Domäne NAME (ein Name oder eine UUID) ausgeben, die der Daemon filtert, und keine Ereignisse anderer Objekte.</translation>
    </message>
    <message>
        <source>--domain needs a domain name or UUID</source>
        <translation>--domain braucht einen Domänennamen oder eine UUID</translation>
    </message>
    <message>
        <source>%1: no events of domain %2: %3</source>
        <translation>%1: keine Ereignisse der Domäne %2: %3</translation>
    </message>
</context>
</TS>
