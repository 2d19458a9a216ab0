<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DomainCard</name>
    <message>
        <source>CPU %1 %</source>
        <translation>CPU %1 %</translation>
    </message>
    <message>
        <source>Memory %1 of %2 MiB</source>
        <translation>Speicher %1 von %2 MiB</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Hart beenden</translation>
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
    <name>HostHeading</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
