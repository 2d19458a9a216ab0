<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CredentialPrompt</name>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
</context>
<context>
    <name>QtEvents</name>
    <message>
        <source>--%1 needs a whole number from 1 to %2, not &apos;%3&apos;</source>
        <translation>--%1 attend un nombre entier de 1 à %2, pas « %3 »</translation>
    </message>
    <message>
        <source>Prints libvirt&apos;s events in the format of &apos;virsh event --all --loop --timestamp&apos;. Without --all or --event, it prints domain lifecycle events.</source>
        <translation>Affiche les événements de libvirt au format de « virsh event --all --loop --timestamp ». Sans --all ni --event, il affiche les événements de cycle de vie des domaines.</translation>
    </message>
    <message>
        <source>Connect to the hypervisor URI instead of libvirt&apos;s default.</source>
        <translation>Se connecter à l’hyperviseur URI au lieu de celui par défaut de libvirt.</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Print every event: domain, network, storage pool, node device, secret.</source>
        <translation>Afficher tous les événements : domaine, réseau, pool de stockage, périphérique du nœud, secret.</translation>
    </message>
    <message>
        <source>Print the event NAME (repeatable): %1.</source>
        <translation>Afficher l’événement NOM (répétable) : %1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Keep printing until interrupted, not one event.</source>
        <translation>Continuer l’affichage jusqu’à interruption, au lieu d’un seul événement.</translation>
    </message>
    <message>
        <source>Print a timestamp before each event.</source>
        <translation>Afficher un horodatage avant chaque événement.</translation>
    </message>
    <message>
        <source>Exit after N events.</source>
        <translation>Quitter après N événements.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Exit after SECONDS seconds.</source>
        <translation>Quitter après SECONDES secondes.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>--all and --event exclude each other</source>
        <translation>--all et --event s’excluent mutuellement</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>erreur d’E/S</translation>
    </message>
    <message>
        <source>the daemon closed the connection</source>
        <translation>le démon a fermé la connexion</translation>
    </message>
    <message>
        <source>the daemon stopped answering keepalive messages</source>
        <translation>le démon ne répond plus aux messages keepalive</translation>
    </message>
    <message>
        <source>closed by the client</source>
        <translation>fermée par le client</translation>
    </message>
    <message>
        <source>unknown reason %1</source>
        <translation>raison inconnue %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: cannot run libvirt&apos;s event loop on Qt&apos;s</source>
        <translation>%1 : impossible de faire tourner la boucle d’événements de libvirt sur celle de Qt</translation>
    </message>
    <message>
        <source>libvirt&apos;s default URI</source>
        <translation>l’URI par défaut de libvirt</translation>
    </message>
    <message>
        <source>%1: unknown event &apos;%2&apos;</source>
        <translation>%1 : événement inconnu « %2 »</translation>
    </message>
    <message>
        <source>%1: cannot connect to %2: %3</source>
        <translation>%1 : impossible de se connecter à %2 : %3</translation>
    </message>
    <message>
        <source>%1: lost the connection to %2: %3</source>
        <translation>%1 : connexion à %2 perdue : %3</translation>
    </message>
    <message>
        <source>%1: cannot watch SIGINT, SIGTERM and SIGHUP: %2</source>
        <translation>%1 : impossible de surveiller SIGINT, SIGTERM et SIGHUP : %2</translation>
    </message>
    <message>
        <source>Print only the events of the domain NAME (a name or a UUID), which the daemon filters, and no event of other objects.</source>
        <translation>N’afficher que les événements du domaine NAME (un nom ou un UUID), filtrés par le démon, et aucun événement d’autres objets.</translation>
    </message>
    <message>
        <source>--domain needs a domain name or UUID</source>
        <translation>--domain demande un nom ou un UUID de domaine</translation>
    </message>
    <message>
        <source>%1: no events of domain %2: %3</source>
        <translation>%1 : aucun événement du domaine %2 : %3</translation>
    </message>
</context>
</TS>
