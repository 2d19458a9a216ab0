<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DomainDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>persistent, autostart</source>
        <translation>persistent, Autostart</translation>
    </message>
    <message>
        <source>persistent</source>
        <translation>persistent</translation>
    </message>
    <message>
        <source>transient</source>
        <translation>flüchtig</translation>
    </message>
    <message numerus="yes">
        <source>%1 MiB, %n vCPU(s)</source>
        <translation>
            <numerusform>%1 MiB, %n vCPU</numerusform>
            <numerusform>%1 MiB, %n vCPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Hart beenden</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
</context>
<context>
    <name>HostBar</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>QtVirt dashboard</source>
        <translation>QtVirt-Übersicht</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No domains</source>
        <translation>Keine Domains</translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n Domain</numerusform>
            <numerusform>%n Domains</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QmlDashboard</name>
    <message>
        <source>Shows the domains of libvirt hosts live, with their state and actions.</source>
        <translation>Zeigt die Domains von libvirt-Hosts live an, mit ihrem Zustand und Aktionen.</translation>
    </message>
    <message>
        <source>A libvirt URI to watch; several may be given.</source>
        <translation>Eine zu beobachtende libvirt-URI; mehrere sind möglich.</translation>
    </message>
</context>
</TS>
