<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QVirtConnection</name>
    <message>
        <source>the connection is not open</source>
        <translation>la connexion n’est pas ouverte</translation>
    </message>
    <message>
        <source>no domain %1</source>
        <translation>aucun domaine %1</translation>
    </message>
    <message>
        <source>the operation failed</source>
        <translation>l’opération a échoué</translation>
    </message>
    <message>
        <source>cannot define the domain</source>
        <translation>impossible de définir le domaine</translation>
    </message>
    <message>
        <source>cannot connect to %1</source>
        <translation>impossible de se connecter à %1</translation>
    </message>
    <message>
        <source>invalid domain reference: it has neither a name nor a UUID</source>
        <translation>référence de domaine invalide : elle n’a ni nom ni UUID</translation>
    </message>
    <message>
        <source>out of memory while passing credentials to libvirt</source>
        <translation>mémoire insuffisante pour transmettre les identifiants à libvirt</translation>
    </message>
    <message>
        <source>libvirt asked for %1 credential(s), but the answer holds %2</source>
        <translation>libvirt a demandé %1 identifiant(s), mais la réponse en contient %2</translation>
    </message>
    <message>
        <source>answer %1 to libvirt&apos;s credentials request is of type %2, but libvirt asked for %3</source>
        <translation>la réponse %1 à la demande d&apos;identifiants de libvirt est de type %2, alors que libvirt a demandé %3</translation>
    </message>
    <message>
        <source>answer %1 to libvirt&apos;s credentials request contains a NUL character</source>
        <translation>la réponse %1 à la demande d&apos;identifiants de libvirt contient un caractère NUL</translation>
    </message>
    <message>
        <source>cannot open the connection: no thread could be started for it</source>
        <translation>impossible d&apos;ouvrir la connexion : aucun thread n&apos;a pu être démarré pour elle</translation>
    </message>
    <message>
        <source>cannot list the domains</source>
        <translation>impossible de lister les domaines</translation>
    </message>
    <message>
        <source>%1 KiB is more than libvirt can take here</source>
        <translation>%1 Kio, c’est plus que libvirt ne peut accepter ici</translation>
    </message>
    <message>
        <source>cannot create the domain</source>
        <translation>impossible de créer le domaine</translation>
    </message>
    <message>
        <source>cannot open the console</source>
        <translation>impossible d’ouvrir la console</translation>
    </message>
    <message>
        <source>cannot connect to the graphics of the domain</source>
        <translation>impossible de se connecter à l’affichage graphique du domaine</translation>
    </message>
    <message>
        <source>cannot read the screenshot: %1</source>
        <translation>impossible de lire la capture d’écran : %1</translation>
    </message>
    <message>
        <source>cannot take a screenshot of the domain</source>
        <translation>impossible de faire une capture d’écran du domaine</translation>
    </message>
    <message>
        <source>cannot save the domain</source>
        <translation>impossible d&apos;enregistrer le domaine</translation>
    </message>
    <message>
        <source>cannot restore the domain</source>
        <translation>impossible de restaurer le domaine</translation>
    </message>
    <message>
        <source>cannot abort the domain&apos;s job</source>
        <translation>impossible d&apos;interrompre la tâche du domaine</translation>
    </message>
    <message>
        <source>no snapshot %1</source>
        <translation>aucun instantané %1</translation>
    </message>
    <message>
        <source>cannot list the snapshots</source>
        <translation>impossible de lister les instantanés</translation>
    </message>
    <message>
        <source>cannot take a snapshot of the domain</source>
        <translation>impossible de prendre un instantané du domaine</translation>
    </message>
    <message>
        <source>cannot revert to snapshot %1</source>
        <translation>impossible de revenir à l&apos;instantané %1</translation>
    </message>
    <message>
        <source>cannot delete snapshot %1</source>
        <translation>impossible de supprimer l&apos;instantané %1</translation>
    </message>
    <message>
        <source>cannot download volume %1 of pool %2: %3</source>
        <translation>impossible de télécharger le volume %1 du pool %2 : %3</translation>
    </message>
    <message>
        <source>cannot upload volume %1 of pool %2: %3</source>
        <translation>impossible de téléverser le volume %1 dans le pool %2 : %3</translation>
    </message>
    <message>
        <source>cannot make a stream</source>
        <translation>impossible de créer un flux</translation>
    </message>
    <message>
        <source>no storage pool %1</source>
        <translation>aucun pool de stockage %1</translation>
    </message>
    <message>
        <source>no volume %1</source>
        <translation>aucun volume %1</translation>
    </message>
    <message>
        <source>the connection was destroyed first</source>
        <translation>la connexion a été détruite avant</translation>
    </message>
    <message>
        <source>cannot list the storage pools</source>
        <translation>impossible de lister les pools de stockage</translation>
    </message>
    <message>
        <source>cannot list the volumes of pool %1</source>
        <translation>impossible de lister les volumes du pool %1</translation>
    </message>
    <message>
        <source>cannot read volume %1</source>
        <translation>impossible de lire le volume %1</translation>
    </message>
</context>
<context>
    <name>QVirtDomainModel</name>
    <message>
        <source>the operation was canceled</source>
        <translation>l’opération a été annulée</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours d’exécution</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>In shutdown</source>
        <translation>En cours d’arrêt</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Éteint</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Planté</translation>
    </message>
    <message>
        <source>Suspended by power management</source>
        <translation>Suspendu par la gestion d’énergie</translation>
    </message>
    <message>
        <source>No state</source>
        <translation>Aucun état</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>CPU %</source>
        <extracomment>The column of the domains&apos; CPU use, in percent.</extracomment>
        <translation>Processeur %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <extracomment>The column of the number of virtual CPUs.</extracomment>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>Impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>Cannot shut down %1: %2</source>
        <translation>Impossible d’arrêter %1 : %2</translation>
    </message>
    <message>
        <source>Cannot reboot %1: %2</source>
        <translation>Impossible de redémarrer %1 : %2</translation>
    </message>
    <message>
        <source>Cannot force off %1: %2</source>
        <translation>Impossible de forcer l’arrêt de %1 : %2</translation>
    </message>
    <message>
        <source>Cannot pause %1: %2</source>
        <translation>Impossible de mettre %1 en pause : %2</translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation>Impossible de reprendre %1 : %2</translation>
    </message>
    <message>
        <source>libvirt gave no reason</source>
        <translation>libvirt n’a donné aucune raison</translation>
    </message>
    <message>
        <source>Cannot read the statistics of the domains of %1: %2</source>
        <translation>Impossible de lire les statistiques des domaines de %1 : %2</translation>
    </message>
    <message>
        <source>Cannot list the domains of %1: %2</source>
        <translation>Impossible de lister les domaines de %1 : %2</translation>
    </message>
</context>
<context>
    <name>QVirtEvents</name>
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
        <source>Shut down</source>
        <translation>Éteint</translation>
    </message>
    <message>
        <source>PM suspended</source>
        <translation>Mis en veille</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Planté</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>renommé</translation>
    </message>
    <message>
        <source>from snapshot</source>
        <translation>depuis un instantané</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>booted</source>
        <translation>amorcé</translation>
    </message>
    <message>
        <source>migrated</source>
        <translation>migré</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauré</translation>
    </message>
    <message>
        <source>woken up</source>
        <translation>réveillé</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>en migration</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>erreur d’E/S</translation>
    </message>
    <message>
        <source>watchdog</source>
        <translation>chien de garde</translation>
    </message>
    <message>
        <source>API error</source>
        <translation>erreur d’API</translation>
    </message>
    <message>
        <source>post-copy</source>
        <translation>post-copie</translation>
    </message>
    <message>
        <source>post-copy failed</source>
        <translation>échec de la post-copie</translation>
    </message>
    <message>
        <source>unpaused</source>
        <translation>sorti de pause</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>éteint</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>détruit</translation>
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
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>guest request</source>
        <translation>à la demande de l’invité</translation>
    </message>
    <message>
        <source>host request</source>
        <translation>à la demande de l’hôte</translation>
    </message>
    <message>
        <source>to memory</source>
        <translation>en mémoire</translation>
    </message>
    <message>
        <source>to disk</source>
        <translation>sur disque</translation>
    </message>
    <message>
        <source>panicked</source>
        <translation>panique du noyau</translation>
    </message>
    <message>
        <source>crash loaded</source>
        <translation>noyau de crash chargé</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>Inconnu (%1)</translation>
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
        <translation>Écriture impossible : finish() a été appelé sur le flux</translation>
    </message>
    <message>
        <source>Cannot write: the stream has ended</source>
        <translation>Écriture impossible : le flux est terminé</translation>
    </message>
    <message>
        <source>libvirt reported %1 on the stream</source>
        <translation>libvirt a signalé %1 sur le flux</translation>
    </message>
    <message>
        <source>an error</source>
        <translation>une erreur</translation>
    </message>
    <message>
        <source>a hangup</source>
        <translation>une déconnexion</translation>
    </message>
    <message>
        <source>Cannot receive a hole from the stream: %1</source>
        <translation>Impossible de recevoir un trou depuis le flux : %1</translation>
    </message>
    <message>
        <source>Cannot read from the stream: %1</source>
        <translation>Impossible de lire depuis le flux : %1</translation>
    </message>
    <message>
        <source>Cannot send a hole to the stream: %1</source>
        <translation>Impossible d’envoyer un trou dans le flux : %1</translation>
    </message>
    <message>
        <source>Cannot write to the stream: %1</source>
        <translation>Impossible d’écrire dans le flux : %1</translation>
    </message>
    <message>
        <source>The stream did not finish cleanly: %1</source>
        <translation>Le flux ne s’est pas terminé proprement : %1</translation>
    </message>
    <message>
        <source>Cannot watch the stream: %1</source>
        <translation>Impossible de surveiller le flux : %1</translation>
    </message>
    <message>
        <source>The connection to libvirt was lost during the transfer</source>
        <translation>La connexion à libvirt a été perdue pendant le transfert</translation>
    </message>
    <message>
        <source>Cannot create a stream: %1</source>
        <translation>Impossible de créer un flux : %1</translation>
    </message>
    <message>
        <source>No valid stream to adopt</source>
        <translation>Aucun flux valide à adopter</translation>
    </message>
    <message>
        <source>A stream can be opened only once</source>
        <translation>Un flux ne peut être ouvert qu’une seule fois</translation>
    </message>
    <message>
        <source>Open the stream for reading, writing or both</source>
        <translation>Ouvrez le flux en lecture, en écriture ou les deux</translation>
    </message>
    <message>
        <source>The stream needs QtVirtEventImpl::registerImpl() before the first connection is opened</source>
        <translation>Le flux nécessite QtVirtEventImpl::registerImpl() avant l’ouverture de la première connexion</translation>
    </message>
    <message>
        <source>Cannot watch the stream (was it handed to a libvirt API such as virStorageVolDownload() first?): %1</source>
        <translation>Impossible de surveiller le flux (a-t-il d’abord été passé à une API libvirt telle que virStorageVolDownload() ?) : %1</translation>
    </message>
    <message>
        <source>Cannot write a hole: the stream is not open for writing</source>
        <translation>Impossible d’écrire un trou : le flux n’est pas ouvert en écriture</translation>
    </message>
    <message>
        <source>Cannot write a hole: the stream is finishing or has ended</source>
        <translation>Impossible d’écrire un trou : le flux se termine ou est terminé</translation>
    </message>
    <message>
        <source>Cannot write a hole of %1 bytes</source>
        <translation>Impossible d’écrire un trou de %1 octets</translation>
    </message>
    <message>
        <source>Cannot finish: the stream is not open</source>
        <translation>Impossible de terminer : le flux n’est pas ouvert</translation>
    </message>
    <message>
        <source>Cannot finish: the stream has ended</source>
        <translation>Impossible de terminer : le flux est terminé</translation>
    </message>
    <message numerus="yes">
        <source>The stream ended before %n byte(s) could be sent</source>
        <translation>
            <numerusform>Le flux s’est terminé avant que %n octet ait pu être envoyé</numerusform>
            <numerusform>Le flux s’est terminé avant que %n octets aient pu être envoyés</numerusform>
        </translation>
    </message>
    <message>
        <source>An earlier write to the stream failed</source>
        <translation>Une écriture précédente dans le flux a échoué</translation>
    </message>
    <message>
        <source>Cannot read the file to send: %1</source>
        <translation>Impossible de lire le fichier à envoyer : %1</translation>
    </message>
    <message>
        <source>the file became shorter during the upload</source>
        <translation>le fichier a raccourci pendant le téléversement</translation>
    </message>
</context>
<context>
    <name>QVirtStreamTransfer</name>
    <message>
        <source>The transfer needs a stream and a device</source>
        <translation>Le transfert nécessite un flux et un périphérique</translation>
    </message>
    <message>
        <source>The device is not open for writing</source>
        <translation>Le périphérique n’est pas ouvert en écriture</translation>
    </message>
    <message>
        <source>The device is not open for reading</source>
        <translation>Le périphérique n’est pas ouvert en lecture</translation>
    </message>
    <message>
        <source>The transfer was cancelled</source>
        <translation>Le transfert a été annulé</translation>
    </message>
    <message>
        <source>Cannot write to the device: %1</source>
        <translation>Impossible d’écrire sur le périphérique : %1</translation>
    </message>
    <message>
        <source>Cannot write to the file: %1</source>
        <translation>Impossible d’écrire dans le fichier : %1</translation>
    </message>
    <message>
        <source>Cannot seek in the file: %1</source>
        <translation>Impossible de se positionner dans le fichier : %1</translation>
    </message>
    <message>
        <source>Cannot extend the file: %1</source>
        <translation>Impossible d’agrandir le fichier : %1</translation>
    </message>
    <message>
        <source>Cannot read from the device: %1</source>
        <translation>Impossible de lire depuis le périphérique : %1</translation>
    </message>
    <message>
        <source>Cannot find the holes of the file: %1</source>
        <translation>Impossible de trouver les trous du fichier : %1</translation>
    </message>
    <message>
        <source>Cannot read from the file: %1</source>
        <translation>Impossible de lire depuis le fichier : %1</translation>
    </message>
    <message>
        <source>it took no data</source>
        <translation>il n’a accepté aucune donnée</translation>
    </message>
    <message>
        <source>The stream was deleted during the transfer</source>
        <translation>Le flux a été supprimé pendant le transfert</translation>
    </message>
    <message>
        <source>The device was deleted during the transfer</source>
        <translation>Le périphérique a été supprimé pendant le transfert</translation>
    </message>
</context>
<context>
    <name>ScreenshotImageProvider</name>
    <message>
        <source>Not a screenshot id: expected image://qtvirt/&lt;percent-encoded connection URI&gt;/&lt;domain UUID&gt;</source>
        <translation>Identifiant de capture d’écran invalide : attendu image://qtvirt/&lt;URI de connexion encodée en pourcentage&gt;/&lt;UUID du domaine&gt;</translation>
    </message>
    <message>
        <source>No open Connection has the URI %1</source>
        <translation>Aucune Connection ouverte n’a l’URI %1</translation>
    </message>
    <message>
        <source>Cannot decode the screenshot (%1)</source>
        <translation>Impossible de décoder la capture d’écran (%1)</translation>
    </message>
    <message>
        <source>The screenshot failed</source>
        <translation>La capture d’écran a échoué</translation>
    </message>
    <message>
        <source>The QML engine is gone</source>
        <translation>Le moteur QML n’existe plus</translation>
    </message>
    <message>
        <source>The screenshot was canceled</source>
        <translation>La capture d’écran a été annulée</translation>
    </message>
</context>
</TS>
