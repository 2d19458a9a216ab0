<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConsoleAttachment</name>
    <message>
        <source>Domain &apos;%1&apos; is not running.</source>
        <translation>Le domaine « %1 » n’est pas en cours d’exécution.</translation>
    </message>
    <message>
        <source>The console of domain &apos;%1&apos; is in use by another client: %2
Add --force to take it over; the other client is then disconnected.</source>
        <translation>La console du domaine « %1 » est utilisée par un autre client : %2
Ajoutez --force pour en prendre le contrôle ; l’autre client est alors déconnecté.</translation>
    </message>
    <message>
        <source>Cannot open the console of domain &apos;%1&apos;: %2</source>
        <translation>Impossible d’ouvrir la console du domaine « %1 » : %2</translation>
    </message>
    <message>
        <source>libvirt&apos;s default hypervisor</source>
        <translation>l’hyperviseur par défaut de libvirt</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Impossible de se connecter à %1 : %2</translation>
    </message>
    <message>
        <source>Domain &apos;%1&apos; not found on %2: %3</source>
        <translation>Domaine « %1 » introuvable sur %2 : %3</translation>
    </message>
    <message>
        <source>Lost the connection to %1 while attached to domain &apos;%2&apos;.</source>
        <translation>La connexion à %1 a été perdue pendant que la console du domaine « %2 » était ouverte.</translation>
    </message>
    <message>
        <source>the domain shut down</source>
        <translation>le domaine s’est arrêté</translation>
    </message>
    <message>
        <source>the hypervisor closed it</source>
        <translation>l’hyperviseur l’a fermée</translation>
    </message>
    <message>
        <source>The console of domain &apos;%1&apos; hung up: %2.</source>
        <translation>La console du domaine « %1 » a raccroché : %2.</translation>
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
        <translation>Se connecte à la console série d’un domaine libvirt, comme « virsh console ».
Sur un terminal, le caractère d’échappement (Ctrl+] sauf indication contraire de -e) quitte.
Sans terminal, l’entrée est transmise telle quelle jusqu’à sa fin.

Code de sortie :
  0  quitté avec le caractère d’échappement, ou fin de l’entrée
  1  une erreur locale (terminal, entrée ou sortie)
  2  options ou arguments invalides
  3  impossible de se connecter à l’hyperviseur
  4  domaine inexistant
  5  la console est utilisée par un autre client (voir --force)
  6  le domaine n’est pas en cours d’exécution ou n’a pas cette console
  7  le domaine s’est arrêté ou la console a raccroché
  8  la connexion à libvirt a été perdue
  128+N  terminé par le signal N (SIGHUP, SIGINT, SIGTERM)</translation>
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
        <source>Attach to the console, serial port or channel with this alias instead of the first console.</source>
        <translation>Se connecter à la console, au port série ou au canal portant cet alias au lieu de la première console.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Take the console over even if another client is attached; that client is disconnected.</source>
        <translation>Prendre la console même si un autre client y est connecté ; ce client est déconnecté.</translation>
    </message>
    <message>
        <source>Attach only if the hypervisor can guarantee exclusive access to the console.</source>
        <translation>Se connecter seulement si l’hyperviseur peut garantir un accès exclusif à la console.</translation>
    </message>
    <message>
        <source>Leave with this character instead of ^] (^X notation or one character).</source>
        <translation>Quitter avec ce caractère au lieu de ^] (notation ^X ou un seul caractère).</translation>
    </message>
    <message>
        <source>ESCAPE</source>
        <translation>ÉCHAPPEMENT</translation>
    </message>
    <message>
        <source>The domain&apos;s name, UUID or id.</source>
        <translation>Le nom, l’UUID ou l’identifiant du domaine.</translation>
    </message>
    <message>
        <source>Name the domain whose console to attach to.</source>
        <translation>Indiquez le domaine dont la console doit être ouverte.</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;: give exactly one domain.</source>
        <translation>Argument inattendu « %1 » : indiquez un seul domaine.</translation>
    </message>
    <message>
        <source>--force and --safe exclude each other.</source>
        <translation>--force et --safe s’excluent mutuellement.</translation>
    </message>
    <message>
        <source>Invalid escape character &apos;%1&apos;: use ^ and a key (such as ^] or ^X) or one printable character.</source>
        <translation>Caractère d’échappement « %1 » invalide : utilisez ^ suivi d’une touche (comme ^] ou ^X) ou un caractère imprimable.</translation>
    </message>
</context>
<context>
    <name>QtConsole</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Connected to domain &apos;%1&apos;.</source>
        <translation>Connecté au domaine « %1 ».</translation>
    </message>
    <message>
        <source>Escape character is %1.</source>
        <translation>Le caractère d’échappement est %1.</translation>
    </message>
    <message>
        <source>Cannot put the terminal into raw mode: %1</source>
        <translation>Impossible de passer le terminal en mode brut : %1</translation>
    </message>
    <message>
        <source>Cannot make standard input and output non-blocking: %1</source>
        <translation>Impossible de rendre l’entrée et la sortie standard non bloquantes : %1</translation>
    </message>
    <message>
        <source>Cannot read standard input: %1</source>
        <translation>Impossible de lire l’entrée standard : %1</translation>
    </message>
    <message>
        <source>Cannot write standard output: %1</source>
        <translation>Impossible d’écrire sur la sortie standard : %1</translation>
    </message>
    <message>
        <source>Cannot watch SIGINT, SIGTERM and SIGHUP: %1</source>
        <translation>Impossible de surveiller SIGINT, SIGTERM et SIGHUP : %1</translation>
    </message>
    <message>
        <source>Cannot run libvirt&apos;s event loop on Qt&apos;s.</source>
        <translation>Impossible de faire tourner la boucle d’événements de libvirt sur celle de Qt.</translation>
    </message>
</context>
</TS>
