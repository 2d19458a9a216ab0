<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>&amp;Remember this connection</source>
        <translation>&amp;Mémoriser cette connexion</translation>
    </message>
    <message>
        <source>Add Connection</source>
        <translation>Ajouter une connexion</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>&amp;URI:</source>
        <translation>&amp;URI :</translation>
    </message>
    <message>
        <source>Replace &quot;host&quot; with the name of a remote machine.</source>
        <translation>Remplacez « host » par le nom d’une machine distante.</translation>
    </message>
</context>
<context>
    <name>ConnectionListModel</name>
    <message>
        <source>Lost the connection to %1; reconnecting</source>
        <translation>Connexion à %1 perdue ; reconnexion en cours</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connection lost, reconnecting…</source>
        <translation>Connexion perdue, reconnexion…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Log In to %1</source>
        <translation>Connexion à %1</translation>
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
        <translation>&amp;Console</translation>
    </message>
    <message>
        <source>&amp;Display</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;XML</source>
        <translation>&amp;XML</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconnecter</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Re&amp;connecter</translation>
    </message>
    <message>
        <source>Connecting to the serial console…</source>
        <translation>Connexion à la console série…</translation>
    </message>
    <message>
        <source>The console was closed.</source>
        <translation>La console a été fermée.</translation>
    </message>
    <message>
        <source>Connected to the serial console.</source>
        <translation>Connecté à la console série.</translation>
    </message>
    <message>
        <source>The console could not be opened.</source>
        <translation>Impossible d’ouvrir la console.</translation>
    </message>
    <message>
        <source>The console could not be opened: %1</source>
        <translation>Impossible d’ouvrir la console : %1</translation>
    </message>
    <message>
        <source>Connecting to the display…</source>
        <translation>Connexion à l’affichage…</translation>
    </message>
    <message>
        <source>This domain has no graphical display.</source>
        <translation>Ce domaine n’a pas d’affichage graphique.</translation>
    </message>
    <message>
        <source>This domain has no graphical display that can be shown here: %1</source>
        <translation>Ce domaine n’a pas d’affichage graphique qui puisse être montré ici : %1</translation>
    </message>
    <message>
        <source>The display&apos;s connection ended; reconnecting…</source>
        <translation>La connexion à l’affichage s’est terminée ; reconnexion…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The XML could not be read: %1</source>
        <translation>Impossible de lire le XML : %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID :</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID :</translation>
    </message>
    <message>
        <source>vCPUs:</source>
        <translation>vCPU :</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Mémoire :</translation>
    </message>
    <message>
        <source>Persistent:</source>
        <translation>Persistant :</translation>
    </message>
    <message>
        <source>Autostart:</source>
        <translation>Démarrage automatique :</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connexion :</translation>
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
        <translation>Mémoire utilisée</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>E/S disque</translation>
    </message>
    <message>
        <source>Network I/O</source>
        <translation>E/S réseau</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Disparu</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>none (not running)</source>
        <translation>aucun (arrêté)</translation>
    </message>
    <message>
        <source>&amp;Snapshots</source>
        <translation>&amp;Instantanés</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Événements</translation>
    </message>
</context>
<context>
    <name>DomainActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <comment>Start</comment>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Shut &amp;Down</source>
        <translation>É&amp;teindre</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <comment>Shut Down</comment>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Re&amp;boot</source>
        <translation>&amp;Redémarrer</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <comment>Reboot</comment>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Force Off</source>
        <translation>&amp;Forcer l’arrêt</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <comment>Force Off</comment>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Re&amp;prendre</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>%1 démarré</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>Impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>Shutting down…</source>
        <translation>Extinction…</translation>
    </message>
    <message>
        <source>Asked %1 to shut down</source>
        <translation>Extinction de %1 demandée</translation>
    </message>
    <message>
        <source>Cannot shut down %1: %2</source>
        <translation>Impossible d’éteindre %1 : %2</translation>
    </message>
    <message>
        <source>Rebooting…</source>
        <translation>Redémarrage…</translation>
    </message>
    <message>
        <source>Asked %1 to reboot</source>
        <translation>Redémarrage de %1 demandé</translation>
    </message>
    <message>
        <source>Cannot reboot %1: %2</source>
        <translation>Impossible de redémarrer %1 : %2</translation>
    </message>
    <message>
        <source>Forcing off…</source>
        <translation>Arrêt forcé…</translation>
    </message>
    <message>
        <source>Forced %1 off</source>
        <translation>Arrêt de %1 forcé</translation>
    </message>
    <message>
        <source>Cannot force %1 off: %2</source>
        <translation>Impossible de forcer l’arrêt de %1 : %2</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>Suspension…</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>%1 suspendu</translation>
    </message>
    <message>
        <source>Cannot pause %1: %2</source>
        <translation>Impossible de suspendre %1 : %2</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Reprise…</translation>
    </message>
    <message>
        <source>Resumed %1</source>
        <translation>%1 repris</translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation>Impossible de reprendre %1 : %2</translation>
    </message>
    <message>
        <source>Delete Domain</source>
        <translation>Supprimer le domaine</translation>
    </message>
    <message>
        <source>Delete the domain &quot;%1&quot;? Its configuration is removed; its disk images are kept.</source>
        <translation>Supprimer le domaine « %1 » ? Sa configuration est supprimée ; ses images disque sont conservées.</translation>
    </message>
    <message>
        <source>It goes on running until it stops, and then it is gone.</source>
        <translation>Il continue de fonctionner jusqu’à son arrêt, puis il disparaît.</translation>
    </message>
    <message>
        <source>Also remove its managed save image and snapshot metadata</source>
        <translation>Supprimer aussi son image de sauvegarde gérée et les métadonnées de ses instantanés</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 supprimé</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>Impossible de supprimer %1 : %2</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Sau&amp;vegarder</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <comment>Save</comment>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sauvegarde…</translation>
    </message>
    <message>
        <source>Saved %1; Start restores it</source>
        <translation>%1 sauvegardé ; Démarrer le restaure</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Impossible de sauvegarder %1 : %2</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>from a snapshot</source>
        <translation>depuis un instantané</translation>
    </message>
    <message>
        <source>booted</source>
        <translation>démarré</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauré</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>erreur d’E/S</translation>
    </message>
    <message>
        <source>unpaused</source>
        <translation>repris</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>éteint</translation>
    </message>
    <message>
        <source>forced off</source>
        <translation>arrêt forcé</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>planté</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>sauvegardé</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Events of %1 since this window opened.</source>
        <translation>Événements de %1 depuis l’ouverture de cette fenêtre.</translation>
    </message>
    <message>
        <source>Cannot receive this domain&apos;s events: %1</source>
        <translation>Impossible de recevoir les événements de ce domaine : %1</translation>
    </message>
    <message>
        <source>Rebooted</source>
        <translation>Redémarré</translation>
    </message>
    <message>
        <source>Device %1 added</source>
        <translation>Périphérique %1 ajouté</translation>
    </message>
    <message>
        <source>Device %1 removed</source>
        <translation>Périphérique %1 retiré</translation>
    </message>
    <message>
        <source>I/O error on %1 (%2)</source>
        <translation>Erreur d’E/S sur %1 (%2)</translation>
    </message>
    <message>
        <source>Watchdog fired</source>
        <translation>Chien de garde déclenché</translation>
    </message>
    <message>
        <source>Defined</source>
        <translation>Défini</translation>
    </message>
    <message>
        <source>Undefined</source>
        <translation>Définition supprimée</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Repris</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <source>Suspended by power management</source>
        <translation>Suspendu par la gestion d’énergie</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Planté</translation>
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
        <translation>aucune donnée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <source>QtVirt Manager</source>
        <translation>Gestionnaire QtVirt</translation>
    </message>
    <message>
        <source>Filter domains</source>
        <translation>Filtrer les domaines</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>&amp;Add Connection…</source>
        <translation>&amp;Ajouter une connexion…</translation>
    </message>
    <message>
        <source>&amp;Remove Connection</source>
        <translation>&amp;Retirer la connexion</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find Domain</source>
        <translation>&amp;Chercher un domaine</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Domain</source>
        <translation>&amp;Domaine</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About QtVirt Manager</source>
        <translation>À &amp;propos du gestionnaire QtVirt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>About QtVirt Manager</source>
        <translation>À propos du gestionnaire QtVirt</translation>
    </message>
    <message>
        <source>A virtual machine manager built on QtVirt: libvirt&apos;s events arrive in the Qt event loop, with no polling thread.</source>
        <translation>Un gestionnaire de machines virtuelles fondé sur QtVirt : les événements de libvirt arrivent dans la boucle d’événements de Qt, sans thread d’interrogation.</translation>
    </message>
    <message>
        <source>Open &amp;Details</source>
        <translation>Ouvrir les &amp;détails</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <comment>Open Details</comment>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;New from XML…</source>
        <translation>&amp;Nouveau depuis XML…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <comment>New from XML</comment>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Storage &amp;Volumes…</source>
        <translation>&amp;Volumes de stockage…</translation>
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
        <translation>Nouveau domaine depuis XML</translation>
    </message>
    <message>
        <source>Paste a domain&apos;s XML here (&lt;domain type=…&gt;…&lt;/domain&gt;).</source>
        <translation>Collez ici le XML d’un domaine (&lt;domain type=…&gt;…&lt;/domain&gt;).</translation>
    </message>
    <message>
        <source>&amp;Define</source>
        <translation>&amp;Définir</translation>
    </message>
    <message>
        <source>Keep the domain&apos;s configuration; it does not start.</source>
        <translation>Conserver la configuration du domaine ; il ne démarre pas.</translation>
    </message>
    <message>
        <source>Create and &amp;Run</source>
        <translation>Créer et &amp;lancer</translation>
    </message>
    <message>
        <source>Start a transient domain: it is gone once it stops.</source>
        <translation>Démarrer un domaine transitoire : il disparaît dès qu’il s’arrête.</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>C&amp;onnexion :</translation>
    </message>
    <message>
        <source>Creating the domain…</source>
        <translation>Création du domaine…</translation>
    </message>
    <message>
        <source>Defining the domain…</source>
        <translation>Définition du domaine…</translation>
    </message>
    <message>
        <source>Cannot create the domain: %1</source>
        <translation>Impossible de créer le domaine : %1</translation>
    </message>
    <message>
        <source>Cannot define the domain: %1</source>
        <translation>Impossible de définir le domaine : %1</translation>
    </message>
    <message>
        <source>Created and started %1</source>
        <translation>%1 créé et démarré</translation>
    </message>
    <message>
        <source>Defined %1</source>
        <translation>%1 défini</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
</context>
<context>
    <name>QtManager</name>
    <message>
        <source>Manages the virtual machines of libvirt connections.</source>
        <translation>Gère les machines virtuelles de connexions libvirt.</translation>
    </message>
    <message>
        <source>Do not open the connections remembered from earlier sessions.</source>
        <translation>Ne pas ouvrir les connexions mémorisées lors des sessions précédentes.</translation>
    </message>
    <message>
        <source>Connections to open, for example qemu:///system (not remembered).</source>
        <translation>Connexions à ouvrir, par exemple qemu:///system (non mémorisées).</translation>
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
        <translation>&amp;Prendre</translation>
    </message>
    <message>
        <source>Re&amp;vert To</source>
        <translation>Re&amp;venir à</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Pris le</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>Name of a new snapshot (optional)</source>
        <translation>Nom d’un nouvel instantané (facultatif)</translation>
    </message>
    <message>
        <source>Reading the snapshots…</source>
        <translation>Lecture des instantanés…</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actuel</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s)</source>
        <translation>
            <numerusform>%n instantané</numerusform>
            <numerusform>%n instantanés</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the snapshots: %1</source>
        <translation>Impossible de lire les instantanés : %1</translation>
    </message>
    <message>
        <source>Taking a snapshot…</source>
        <translation>Prise d’un instantané…</translation>
    </message>
    <message>
        <source>Cannot take a snapshot: %1</source>
        <translation>Impossible de prendre un instantané : %1</translation>
    </message>
    <message>
        <source>Revert to Snapshot</source>
        <translation>Revenir à l’instantané</translation>
    </message>
    <message>
        <source>Revert &quot;%1&quot; to its snapshot &quot;%2&quot;? Its state since then is lost.</source>
        <translation>Ramener « %1 » à son instantané « %2 » ? Son état depuis est perdu.</translation>
    </message>
    <message>
        <source>Reverting to %1…</source>
        <translation>Retour à %1…</translation>
    </message>
    <message>
        <source>Cannot revert to %1: %2</source>
        <translation>Impossible de revenir à %1 : %2</translation>
    </message>
    <message>
        <source>Delete Snapshot</source>
        <translation>Supprimer l’instantané</translation>
    </message>
    <message>
        <source>Delete the snapshot &quot;%1&quot; of &quot;%2&quot;?</source>
        <translation>Supprimer l’instantané « %1 » de « %2 » ?</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>Suppression de %1…</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>Impossible de supprimer %1 : %2</translation>
    </message>
</context>
<context>
    <name>VncView</name>
    <message>
        <source>The display&apos;s server did not complete the VNC handshake.</source>
        <translation>Le serveur de l’affichage n’a pas terminé la négociation VNC.</translation>
    </message>
    <message>
        <source>The display&apos;s connection ended.</source>
        <translation>La connexion à l’affichage s’est terminée.</translation>
    </message>
</context>
<context>
    <name>VolumesWindow</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Télécharger…</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>T&amp;éléverser…</translation>
    </message>
    <message>
        <source>Storage Volumes – %1</source>
        <translation>Volumes de stockage – %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Allocation</translation>
    </message>
    <message>
        <source>This connection has no active storage pool.</source>
        <translation>Cette connexion n’a aucun pool de stockage actif.</translation>
    </message>
    <message>
        <source>Cannot list the storage pools: %1</source>
        <translation>Impossible de lister les pools de stockage : %1</translation>
    </message>
    <message>
        <source>Cannot list the volumes of pool %1: %2</source>
        <translation>Impossible de lister les volumes du pool %1 : %2</translation>
    </message>
    <message>
        <source>Download Volume %1</source>
        <translation>Télécharger le volume %1</translation>
    </message>
    <message>
        <source>Upload into Volume %1</source>
        <translation>Téléverser dans le volume %1</translation>
    </message>
    <message>
        <source>Upload into Volume</source>
        <translation>Téléverser dans le volume</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Downloading volume %1 into %2…</source>
        <translation>Téléchargement du volume %1 dans %2…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>The file %1 (%2) is larger than volume %3 (%4).</source>
        <translation>Le fichier %1 (%2) est plus grand que le volume %3 (%4).</translation>
    </message>
    <message>
        <source>Uploading %1 into volume %2…</source>
        <translation>Téléversement de %1 dans le volume %2…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Stop the Transfer</source>
        <translation>Arrêter le transfert</translation>
    </message>
    <message>
        <source>A transfer is running. Stop it and close the window?</source>
        <translation>Un transfert est en cours. L’arrêter et fermer la fenêtre ?</translation>
    </message>
    <message>
        <source>Write the file %1 (%2) into volume %3 (%4)? What the volume holds there is overwritten.</source>
        <translation>Écrire le fichier %1 (%2) dans le volume %3 (%4) ? Ce que le volume contient à cet endroit est écrasé.</translation>
    </message>
    <message>
        <source>Downloaded volume %1 into %2.</source>
        <translation>Volume %1 téléchargé dans %2.</translation>
    </message>
    <message>
        <source>The download of volume %1 was canceled.</source>
        <translation>Le téléchargement du volume %1 a été annulé.</translation>
    </message>
    <message>
        <source>The download of volume %1 failed: %2</source>
        <translation>Le téléchargement du volume %1 a échoué : %2</translation>
    </message>
    <message>
        <source>Uploaded %1 into volume %2.</source>
        <translation>%1 téléversé dans le volume %2.</translation>
    </message>
    <message>
        <source>The upload into volume %1 was canceled.</source>
        <translation>Le téléversement dans le volume %1 a été annulé.</translation>
    </message>
    <message>
        <source>The upload into volume %1 failed: %2</source>
        <translation>Le téléversement dans le volume %1 a échoué : %2</translation>
    </message>
</context>
</TS>
