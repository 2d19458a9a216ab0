<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DomainCard</name>
    <message>
        <source>CPU %1 %</source>
        <translation>CPU %1 %</translation>
    </message>
    <message>
        <source>Memory %1 of %2 MiB</source>
        <translation>Mémoire %1 sur %2 Mio</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Éteindre</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Détruire</translation>
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
        <translation>non connecté</translation>
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
        <translation>Tableau de bord QtVirt</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1 : terminé</translation>
    </message>
    <message>
        <source>No domains</source>
        <translation>Aucun domaine</translation>
    </message>
    <message numerus="yes">
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n domaine</numerusform>
            <numerusform>%n domaines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QmlDashboard</name>
    <message>
        <source>Shows the domains of libvirt hosts live, with their state and actions.</source>
        <translation>Affiche en direct les domaines d’hôtes libvirt, avec leur état et des actions.</translation>
    </message>
    <message>
        <source>A libvirt URI to watch; several may be given.</source>
        <translation>Une URI libvirt à surveiller ; plusieurs sont possibles.</translation>
    </message>
</context>
</TS>
