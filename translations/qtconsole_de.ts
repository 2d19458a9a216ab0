<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConsoleAttachment</name>
    <message>
        <source>Domain &apos;%1&apos; is not running.</source>
        <translation>Die Domain „%1“ läuft nicht.</translation>
    </message>
    <message>
        <source>The console of domain &apos;%1&apos; is in use by another client: %2
Add --force to take it over; the other client is then disconnected.</source>
        <translation>Die Konsole der Domain „%1“ wird von einem anderen Client benutzt: %2
Mit --force wird sie übernommen; der andere Client wird dann getrennt.</translation>
    </message>
    <message>
        <source>Cannot open the console of domain &apos;%1&apos;: %2</source>
        <translation>Die Konsole der Domain „%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>libvirt&apos;s default hypervisor</source>
        <translation>den Standard-Hypervisor von libvirt</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>Domain &apos;%1&apos; not found on %2: %3</source>
        <translation>Domain „%1“ auf %2 nicht gefunden: %3</translation>
    </message>
    <message>
        <source>Lost the connection to %1 while attached to domain &apos;%2&apos;.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen, während die Konsole der Domain „%2“ offen war.</translation>
    </message>
    <message>
        <source>the domain shut down</source>
        <translation>die Domain wurde beendet</translation>
    </message>
    <message>
        <source>the hypervisor closed it</source>
        <translation>der Hypervisor hat sie geschlossen</translation>
    </message>
    <message>
        <source>The console of domain &apos;%1&apos; hung up: %2.</source>
        <translation>Die Konsole der Domain „%1“ wurde getrennt: %2.</translation>
    </message>
</context>
<context>
    <name>ConsoleOptions</name>
    <message>
        <source>Attaches to the serial console of a libvirt domain, as &apos;virsh console&apos; does.
On a terminal, the escape character (Ctrl+] unless -e says otherwise) leaves.
Without a terminal, input passes through unchanged until it ends.

Exit status:
  0  left with the escape character, or the input ended
  1  a local error (terminal, input or output)
  2  bad options or arguments
  3  cannot connect to the hypervisor
  4  no such domain
  5  the console is in use by another client (see --force)
  6  the domain is not running or has no such console
  7  the domain shut down or the console hung up
  8  the connection to libvirt was lost
  128+N  ended by signal N (SIGHUP, SIGINT, SIGTERM)</source>
        <translation>Verbindet sich mit der seriellen Konsole einer libvirt-Domain, wie „virsh console“.
An einem Terminal beendet das Escape-Zeichen (Strg+], sofern -e nichts anderes angibt) die Sitzung.
Ohne Terminal wird die Eingabe unverändert weitergegeben, bis sie endet.

Exit-Status:
  0  mit dem Escape-Zeichen beendet, oder die Eingabe ist zu Ende
  1  ein lokaler Fehler (Terminal, Ein- oder Ausgabe)
  2  ungültige Optionen oder Argumente
  3  keine Verbindung zum Hypervisor
  4  keine solche Domain
  5  die Konsole wird von einem anderen Client benutzt (siehe --force)
  6  die Domain läuft nicht oder hat keine solche Konsole
  7  die Domain wurde beendet oder die Konsole getrennt
  8  die Verbindung zu libvirt ist abgebrochen
  128+N  durch Signal N beendet (SIGHUP, SIGINT, SIGTERM)</translation>
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
        <source>Attach to the console, serial port or channel with this alias instead of the first console.</source>
        <translation>Mit der Konsole, der seriellen Schnittstelle oder dem Kanal dieses Alias statt mit der ersten Konsole verbinden.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Take the console over even if another client is attached; that client is disconnected.</source>
        <translation>Die Konsole auch dann übernehmen, wenn ein anderer Client verbunden ist; dieser wird getrennt.</translation>
    </message>
    <message>
        <source>Attach only if the hypervisor can guarantee exclusive access to the console.</source>
        <translation>Nur verbinden, wenn der Hypervisor exklusiven Zugriff auf die Konsole garantieren kann.</translation>
    </message>
    <message>
        <source>Leave with this character instead of ^] (^X notation or one character).</source>
        <translation>Mit diesem Zeichen statt ^] beenden (Schreibweise ^X oder ein einzelnes Zeichen).</translation>
    </message>
    <message>
        <source>ESCAPE</source>
        <translation>ESCAPE</translation>
    </message>
    <message>
        <source>The domain&apos;s name, UUID or id.</source>
        <translation>Name, UUID oder ID der Domain.</translation>
    </message>
    <message>
        <source>Name the domain whose console to attach to.</source>
        <translation>Geben Sie die Domain an, mit deren Konsole verbunden werden soll.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;: give exactly one domain.</source>
        <translation>Unerwartetes Argument „%1“: Geben Sie genau eine Domain an.</translation>
    </message>
    <message>
        <source>--force and --safe exclude each other.</source>
        <translation>--force und --safe schließen sich gegenseitig aus.</translation>
    </message>
    <message>
        <source>Invalid escape character &apos;%1&apos;: use ^ and a key (such as ^] or ^X) or one printable character.</source>
        <translation>Ungültiges Escape-Zeichen „%1“: Verwenden Sie ^ und eine Taste (etwa ^] oder ^X) oder ein druckbares Zeichen.</translation>
    </message>
</context>
<context>
    <name>QtConsole</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connected to domain &apos;%1&apos;.</source>
        <translation>Mit der Domain „%1“ verbunden.</translation>
    </message>
    <message>
        <source>Escape character is %1.</source>
        <translation>Das Escape-Zeichen ist %1.</translation>
    </message>
    <message>
        <source>Cannot put the terminal into raw mode: %1</source>
        <translation>Das Terminal kann nicht in den Rohmodus geschaltet werden: %1</translation>
    </message>
    <message>
        <source>Cannot make standard input and output non-blocking: %1</source>
        <translation>Standardeingabe und -ausgabe können nicht auf nicht blockierend gestellt werden: %1</translation>
    </message>
    <message>
        <source>Cannot read standard input: %1</source>
        <translation>Die Standardeingabe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot write standard output: %1</source>
        <translation>Auf die Standardausgabe kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot watch SIGINT, SIGTERM and SIGHUP: %1</source>
        <translation>SIGINT, SIGTERM und SIGHUP können nicht überwacht werden: %1</translation>
    </message>
    <message>
        <source>Cannot run libvirt&apos;s event loop on Qt&apos;s.</source>
        <translation>Die Ereignisschleife von libvirt kann nicht auf der von Qt laufen.</translation>
    </message>
</context>
</TS>
