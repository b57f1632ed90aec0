<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChangeHeadDialog</name>
    <message>
        <source>Change the Head of Household</source>
        <translation>Changer le chef de ménage</translation>
    </message>
    <message>
        <source>New &amp;head:</source>
        <translation>Nouveau &amp;chef&#xa0;:</translation>
    </message>
</context>
<context>
    <name>DeleteHouseholdDialog</name>
    <message>
        <source>Delete Household</source>
        <translation>Supprimer le ménage</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export — FieldLedger</source>
        <translation>Exporter — FieldLedger</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Contenu&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Household ID:</source>
        <translation>Identifiant du &amp;ménage&#xa0;:</translation>
    </message>
    <message>
        <source>The ID (guid) of the household to print</source>
        <translation>L’identifiant (guid) du ménage à imprimer</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;As it was on:</source>
        <translation>&amp;Tel qu’il était le&#xa0;:</translation>
    </message>
    <message>
        <source>Export the registry as it was at this moment (UTC) instead of as it is now</source>
        <translation>Exporter le registre tel qu’il était à ce moment (UTC) plutôt que tel qu’il est maintenant</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm &apos;UTC&apos;</source>
        <translation>yyyy-MM-dd HH:mm &apos;UTC&apos;</translation>
    </message>
    <message>
        <source>Spreadsheet:</source>
        <translation>Tableur&#xa0;:</translation>
    </message>
    <message>
        <source>For &amp;Excel (byte order mark, this computer&apos;s list separator)</source>
        <translation>Pour &amp;Excel (marque d’ordre des octets, séparateur de liste de cet ordinateur)</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Enregistrer dans&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
</context>
<context>
    <name>MoveMemberDialog</name>
    <message>
        <source>Move to Another Household</source>
        <translation>Transférer dans un autre ménage</translation>
    </message>
    <message>
        <source>Find the household by name, head or village…</source>
        <translation>Rechercher le ménage par nom, chef ou village…</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <source>too short</source>
        <translation>trop courte</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>correcte</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>robuste</translation>
    </message>
</context>
<context>
    <name>RegistrySetupDialog</name>
    <message>
        <source>Create a Registry — FieldLedger</source>
        <translation>Créer un registre — FieldLedger</translation>
    </message>
    <message>
        <source>Create a registry</source>
        <translation>Créer un registre</translation>
    </message>
    <message>
        <source>A registry is one encrypted file that holds every household you register. You will be its first administrator; you can add enumerators and supervisors later.</source>
        <translation>Un registre est un fichier chiffré qui contient tous les ménages que vous enregistrez. Vous en serez le premier administrateur&#xa0;; vous pourrez ajouter des enquêteurs et des superviseurs plus tard.</translation>
    </message>
    <message>
        <source>Registry &amp;name:</source>
        <translation>&amp;Nom du registre&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. Kalo district</source>
        <translation>p. ex. District de Kalo</translation>
    </message>
    <message>
        <source>Your &amp;user id:</source>
        <translation>Votre identifiant d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. amina.k — you type it to unlock</source>
        <translation>p. ex. amina.k — à saisir pour déverrouiller</translation>
    </message>
    <message>
        <source>Your &amp;display name:</source>
        <translation>Votre nom &amp;affiché&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. Amina Kalo (optional)</source>
        <translation>p. ex. Amina Kalo (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>At least 8 characters; a few words are easy to remember</source>
        <translation>Au moins 8 caractères&#xa0;; quelques mots sont faciles à retenir</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>Con&amp;firmer la phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>trop courte</translation>
    </message>
    <message>
        <source>Creating the registry and its keys…</source>
        <translation>Création du registre et de ses clés…</translation>
    </message>
    <message>
        <source>Create a De&amp;mo Registry</source>
        <translation>Créer un registre de dé&amp;monstration</translation>
    </message>
    <message>
        <source>Write down your recovery key</source>
        <translation>Notez votre clé de récupération</translation>
    </message>
    <message>
        <source>If every administrator forgets their passphrase, this key is the only way to open the registry. It is shown only this once. Write it on paper and keep it somewhere safe, away from this computer.</source>
        <translation>Si tous les administrateurs oublient leur phrase secrète, cette clé est le seul moyen d’ouvrir le registre. Elle n’est affichée que cette fois. Écrivez-la sur papier et gardez-la en lieu sûr, loin de cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>I have &amp;written the recovery key down and stored it safely</source>
        <translation>J’ai &amp;noté la clé de récupération et je l’ai mise en lieu sûr</translation>
    </message>
    <message>
        <source>Just trying FieldLedger out?</source>
        <translation>Vous voulez juste essayer FieldLedger&#xa0;?</translation>
    </message>
    <message>
        <source>Creates the registry filled with generated households: names, villages, members, and some later edits and moves</source>
        <translation>Crée le registre rempli de ménages générés&#xa0;: noms, villages, membres, ainsi que quelques modifications et déménagements ultérieurs</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — FieldLedger</source>
        <translation>Paramètres — FieldLedger</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Menus, dialogs and messages change at once. Forms show their labels in this language when they have it.</source>
        <translation>Les menus, les boîtes de dialogue et les messages changent aussitôt. Les formulaires affichent leurs libellés dans cette langue lorsqu’ils l’ont.</translation>
    </message>
    <message>
        <source>Lock when &amp;idle after:</source>
        <translation>&amp;Verrouiller après inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>With no keyboard or mouse use for this long, FieldLedger saves open forms as drafts, closes the registry and asks for the passphrase again.</source>
        <translation>Sans utilisation du clavier ni de la souris pendant ce temps, FieldLedger enregistre les formulaires ouverts comme brouillons, ferme le registre et redemande la phrase secrète.</translation>
    </message>
    <message>
        <source>&amp;Device name:</source>
        <translation>Nom de l’&amp;appareil&#xa0;:</translation>
    </message>
    <message>
        <source>How this computer is known to your team, for example “Laptop 3 – Kalo team”.</source>
        <translation>Le nom de cet ordinateur pour votre équipe, par exemple «&#xa0;Portable 3 – équipe Kalo&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SplitHouseholdDialog</name>
    <message>
        <source>Split Household</source>
        <translation>Scinder le ménage</translation>
    </message>
    <message>
        <source>&amp;New household&apos;s name:</source>
        <translation>&amp;Nom du nouveau ménage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Members who leave for the new household:</source>
        <translation>&amp;Membres qui partent dans le nouveau ménage&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Head of the new household:</source>
        <translation>&amp;Chef du nouveau ménage&#xa0;:</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock — FieldLedger</source>
        <translation>Déverrouiller — FieldLedger</translation>
    </message>
    <message>
        <source>Unlock the registry</source>
        <translation>Déverrouiller le registre</translation>
    </message>
    <message>
        <source>&amp;Open another registry…</source>
        <translation>&amp;Ouvrir un autre registre…</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>Identifiant d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>Clé de &amp;récupération&#xa0;:</translation>
    </message>
    <message>
        <source>XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX</source>
        <translation>XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>Phrase secrète oubliée&#xa0;?</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nouvelle phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirmer la phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AddUserDialog</name>
    <message>
        <source>Add User</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>what they type to unlock, e.g. aminata</source>
        <translation>ce qu’il saisit pour déverrouiller, p. ex. aminata</translation>
    </message>
    <message>
        <source>User &amp;id:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>First &amp;passphrase:</source>
        <translation>Première &amp;phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirmer la phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the user&apos;s id.</source>
        <translation>Saisissez l’identifiant de l’utilisateur.</translation>
    </message>
    <message>
        <source>The id may not contain spaces or unusual characters.</source>
        <translation>L’identifiant ne peut contenir ni espaces ni caractères inhabituels.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La phrase secrète doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AnomaliesModel</name>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Event %1 (%2) by %3 — Enter or a double click opens the record&apos;s audit trail</source>
        <translation>Événement %1 (%2) par %3 — Entrée ou un double-clic ouvre la piste d’audit de la fiche</translation>
    </message>
    <message>
        <source>Type mismatch</source>
        <translation>Type incompatible</translation>
    </message>
    <message>
        <source>Changed after deletion</source>
        <translation>Modifié après suppression</translation>
    </message>
    <message>
        <source>Unknown record</source>
        <translation>Fiche inconnue</translation>
    </message>
    <message>
        <source>Member without ID</source>
        <translation>Membre sans identifiant</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>Pas un membre</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>Existe déjà</translation>
    </message>
    <message>
        <source>Unknown event type</source>
        <translation>Type d’événement inconnu</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AnomaliesView</name>
    <message>
        <source>The anomalies could not be read: %1</source>
        <translation>Les anomalies n’ont pas pu être lues&#xa0;: %1</translation>
    </message>
    <message>
        <source>No anomalies: every event applied as intended.</source>
        <translation>Aucune anomalie&#xa0;: chaque événement s’est appliqué comme prévu.</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(ies): events that could not apply as intended. Enter or a double click opens the record&apos;s audit trail.</source>
        <translation>
            <numerusform>%n anomalie&#xa0;: un événement qui n’a pas pu s’appliquer comme prévu. Entrée ou un double-clic ouvre la piste d’audit de la fiche.</numerusform>
            <numerusform>%n anomalies&#xa0;: des événements qui n’ont pas pu s’appliquer comme prévu. Entrée ou un double-clic ouvre la piste d’audit de la fiche.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AppSession</name>
    <message>
        <source>Demo Registry — FieldLedger</source>
        <translation>Registre de démonstration — FieldLedger</translation>
    </message>
    <message>
        <source>Creating the registry and its keys…</source>
        <translation>Création du registre et de ses clés…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Stopping after the households being added…</source>
        <translation>Arrêt après les ménages en cours d’ajout…</translation>
    </message>
    <message>
        <source>Demo Registry</source>
        <translation>Registre de démonstration</translation>
    </message>
    <message>
        <source>The registry was created, but filling it with households stopped early: %1</source>
        <translation>Le registre a été créé, mais son remplissage par des ménages s’est arrêté avant la fin&#xa0;: %1</translation>
    </message>
    <message>
        <source>Adding generated households: %1 of %2…</source>
        <translation>Ajout de ménages générés&#xa0;: %1 sur %2…</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>The registry&apos;s events cannot be read: %1</source>
        <translation>Les événements du registre ne peuvent pas être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>The household list cannot be brought up to date: %1</source>
        <translation>La liste des ménages ne peut pas être mise à jour&#xa0;: %1</translation>
    </message>
    <message>
        <source>Opening — FieldLedger</source>
        <translation>Ouverture — FieldLedger</translation>
    </message>
    <message>
        <source>Bringing the household list up to date…</source>
        <translation>Mise à jour de la liste des ménages…</translation>
    </message>
    <message>
        <source>Potential duplicates cannot be brought up to date: %1</source>
        <translation>Les doublons potentiels ne peuvent pas être mis à jour&#xa0;: %1</translation>
    </message>
    <message>
        <source>The open form was kept as a draft: resume it here.</source>
        <translation>Le formulaire ouvert a été conservé comme brouillon&#xa0;: reprenez-le ici.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AssignHouseholdsDialog</name>
    <message>
        <source>Assign Households</source>
        <translation>Attribuer des ménages</translation>
    </message>
    <message>
        <source>%1 sees the households they registered and those checked here, with their members.</source>
        <translation>%1 voit les ménages que cette personne a enregistrés et ceux cochés ici, avec leurs membres.</translation>
    </message>
    <message>
        <source>Search by household, head or village</source>
        <translation>Rechercher par ménage, chef ou village</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Save Assignments</source>
        <translation>Enregistrer les attributions</translation>
    </message>
    <message>
        <source>The households cannot be listed: %1</source>
        <translation>Les ménages ne peuvent pas être listés&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>No household matches the search.</source>
        <translation>Aucun ménage ne correspond à la recherche.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n households; type more of a name to find others.</source>
        <translation>
            <numerusform>Seul le premier ménage (%n) est affiché&#xa0;; saisissez une plus grande partie du nom pour trouver les autres.</numerusform>
            <numerusform>Seuls les %n premiers ménages sont affichés&#xa0;; saisissez une plus grande partie du nom pour trouver les autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) assigned.</source>
        <translation>
            <numerusform>%n ménage attribué.</numerusform>
            <numerusform>%n ménages attribués.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to save.</source>
        <translation>
            <numerusform>%n modification à enregistrer.</numerusform>
            <numerusform>%n modifications à enregistrer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AuditTrailModel</name>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Recorded as %1 (%2)</source>
        <translation>Enregistré comme %1 (%2)</translation>
    </message>
    <message>
        <source>%1, log sequence %2</source>
        <translation>%1, séquence du journal %2</translation>
    </message>
    <message>
        <source>Received by this registry after events that happened later (synced late)</source>
        <translation>Reçu par ce registre après des événements survenus plus tard (synchronisé en retard)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(blanc)</translation>
    </message>
    <message>
        <source>added: %1</source>
        <translation>ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>retiré&#xa0;: %1</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauré</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <source>Register person</source>
        <translation>Enregistrement d’une personne</translation>
    </message>
    <message>
        <source>Update person</source>
        <translation>Mise à jour d’une personne</translation>
    </message>
    <message>
        <source>Register household</source>
        <translation>Enregistrement d’un ménage</translation>
    </message>
    <message>
        <source>Update household</source>
        <translation>Mise à jour d’un ménage</translation>
    </message>
    <message>
        <source>Add members</source>
        <translation>Ajout de membres</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>Retrait de membres</translation>
    </message>
    <message>
        <source>Transfer member</source>
        <translation>Transfert d’un membre</translation>
    </message>
    <message>
        <source>Split household</source>
        <translation>Scission du ménage</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Resolve duplicate</source>
        <translation>Résolution d’un doublon</translation>
    </message>
    <message>
        <source>members</source>
        <translation>membres</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AuditTrailView</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Search in values…</source>
        <translation>Rechercher dans les valeurs…</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Événement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>La piste d’audit n’a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Tous les utilisateurs</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 sur %n événement</numerusform>
            <numerusform>%1 sur %n événements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ChangeHeadDialog</name>
    <message>
        <source>%1 is the head of %2 now.</source>
        <translation>%1 est actuellement le chef de %2.</translation>
    </message>
    <message>
        <source>%1 has no head of household yet.</source>
        <translation>%1 n’a pas encore de chef de ménage.</translation>
    </message>
    <message>
        <source>&amp;Change Head</source>
        <translation>&amp;Changer de chef</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ChangeRoleDialog</name>
    <message>
        <source>Change Role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>%1 (%2) is now: %3.</source>
        <translation>%1 (%2) est actuellement&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Enumerators see the households they registered or were assigned; supervisors see and review everything; administrators also manage users.</source>
        <translation>Les enquêteurs voient les ménages qu’ils ont enregistrés ou qui leur ont été attribués&#xa0;; les superviseurs voient et vérifient tout&#xa0;; les administrateurs gèrent aussi les utilisateurs.</translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation>Nouveau &amp;rôle&#xa0;:</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DashboardView</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Count only households registered on or after this day (UTC)</source>
        <translation>Ne compter que les ménages enregistrés ce jour ou après (UTC)</translation>
    </message>
    <message>
        <source>Count only households registered on or before this day (UTC)</source>
        <translation>Ne compter que les ménages enregistrés ce jour ou avant (UTC)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Zone</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Toutes les zones</translation>
    </message>
    <message>
        <source>Registrations per day</source>
        <translation>Enregistrements par jour</translation>
    </message>
    <message>
        <source>Registrations per enumerator</source>
        <translation>Enregistrements par enquêteur</translation>
    </message>
    <message>
        <source>Households per area</source>
        <translation>Ménages par zone</translation>
    </message>
    <message>
        <source>Household size (members)</source>
        <translation>Taille des ménages (membres)</translation>
    </message>
    <message>
        <source>Review progress</source>
        <translation>Avancement de la vérification</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>(sans zone)</translation>
    </message>
    <message>
        <source>The dashboard shows the whole registry, which only supervisors and administrators may see.</source>
        <translation>Le tableau de bord montre tout le registre, que seuls les superviseurs et les administrateurs peuvent voir.</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: %1</source>
        <translation>Le tableau de bord n’a pas pu être calculé&#xa0;: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; households · &lt;b&gt;%2&lt;/b&gt; members · &lt;b&gt;%3&lt;/b&gt; areas · &lt;b&gt;%4&lt;/b&gt; events in the log</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ménages · &lt;b&gt;%2&lt;/b&gt; membres · &lt;b&gt;%3&lt;/b&gt; zones · &lt;b&gt;%4&lt;/b&gt; événements dans le journal</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>%1 others</source>
        <translation>%1 autres</translation>
    </message>
    <message>
        <source>%1 other areas</source>
        <translation>%1 autres zones</translation>
    </message>
    <message>
        <source>Updating the dashboard…</source>
        <translation>Mise à jour du tableau de bord…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Update cancelled: the charts show the numbers of the previous update.</source>
        <translation>Mise à jour annulée&#xa0;: les graphiques montrent les chiffres de la mise à jour précédente.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Approuvés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Signalés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rejetés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Changed since review: %1</source>
        <translation>Modifiés depuis la vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Never reviewed: %1</source>
        <translation>Jamais vérifiés&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DeleteHouseholdDialog</name>
    <message numerus="yes">
        <source>The household %1 and its %n member(s) leave the household list. Their records stay in the audit trail, with the reason given here.</source>
        <translation>
            <numerusform>Le ménage %1 et son %n membre quittent la liste des ménages. Leurs fiches restent dans la piste d’audit, avec le motif indiqué ici.</numerusform>
            <numerusform>Le ménage %1 et ses %n membres quittent la liste des ménages. Leurs fiches restent dans la piste d’audit, avec le motif indiqué ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choisissez un motif…</translation>
    </message>
    <message>
        <source>Registered twice (duplicate)</source>
        <translation>Enregistré deux fois (doublon)</translation>
    </message>
    <message>
        <source>The household no longer exists</source>
        <translation>Le ménage n’existe plus</translation>
    </message>
    <message>
        <source>Data correction (never a household)</source>
        <translation>Correction de données (jamais un ménage)</translation>
    </message>
    <message>
        <source>Other reason (say which in the note)</source>
        <translation>Autre motif (à préciser dans la note)</translation>
    </message>
    <message>
        <source>Required for a data correction or another reason.</source>
        <translation>Obligatoire pour une correction de données ou un autre motif.</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Give a reason, and a note for a data correction or another reason.</source>
        <translation>Indiquez un motif, et une note pour une correction de données ou un autre motif.</translation>
    </message>
    <message>
        <source>Delete Household</source>
        <translation>Supprimer le ménage</translation>
    </message>
    <message numerus="yes">
        <source>Delete the household %1 and its %n member(s)?</source>
        <translation>
            <numerusform>Supprimer le ménage %1 et son %n membre&#xa0;?</numerusform>
            <numerusform>Supprimer le ménage %1 et ses %n membres&#xa0;?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DraftAutosaver</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DraftListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>%1
Form: %2 (version %3)
Started: %4
Last saved: %5</source>
        <translation>%1
Formulaire&#xa0;: %2 (version %3)
Commencé&#xa0;: %4
Dernier enregistrement&#xa0;: %5</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>Dernier enregistrement</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DraftsPage</name>
    <message>
        <source>The drafts could not be read: %1</source>
        <translation>Les brouillons n’ont pas pu être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>Discard Draft?</source>
        <translation>Abandonner le brouillon&#xa0;?</translation>
    </message>
    <message>
        <source>Discard the draft “%1”? What was typed into it cannot be brought back.</source>
        <translation>Abandonner le brouillon «&#xa0;%1&#xa0;»&#xa0;? Ce qui y a été saisi ne pourra pas être récupéré.</translation>
    </message>
    <message>
        <source>Discard Draft</source>
        <translation>Abandonner le brouillon</translation>
    </message>
    <message>
        <source>The draft could not be discarded: %1</source>
        <translation>Le brouillon n’a pas pu être abandonné&#xa0;: %1</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Open the form where it was left (Enter)</source>
        <translation>Rouvrir le formulaire là où il a été laissé (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Abandonner…</translation>
    </message>
    <message>
        <source>Delete the draft (Delete)</source>
        <translation>Supprimer le brouillon (Suppr)</translation>
    </message>
    <message>
        <source>No drafts</source>
        <translation>Aucun brouillon</translation>
    </message>
    <message>
        <source>Forms you start are saved here as you type, until you submit them. Nothing typed is lost.</source>
        <translation>Les formulaires commencés sont enregistrés ici au fil de la saisie, jusqu’à leur envoi. Rien de ce qui est saisi n’est perdu.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DuplicatesModel</name>
    <message>
        <source>Name and birth date</source>
        <translation>Nom et date de naissance</translation>
    </message>
    <message>
        <source>Name and age</source>
        <translation>Nom et âge</translation>
    </message>
    <message>
        <source>Household ID number</source>
        <translation>Numéro d’identification du ménage</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Numéro d’identité</translation>
    </message>
    <message>
        <source>Household phone</source>
        <translation>Téléphone du ménage</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Détecté</translation>
    </message>
    <message>
        <source>Registered first</source>
        <translation>Enregistré en premier</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Correspondance sur</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DuplicatesPage</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>&amp;Conserver les deux</translation>
    </message>
    <message>
        <source>These are different people or households: keep both (Ctrl+Shift+K)</source>
        <translation>Ce sont des personnes ou des ménages différents&#xa0;: conserver les deux (Ctrl+Maj+K)</translation>
    </message>
    <message>
        <source>&amp;Delete newer…</source>
        <translation>&amp;Supprimer le plus récent…</translation>
    </message>
    <message>
        <source>The same person or household registered twice: delete the one registered later (Ctrl+Shift+Del)</source>
        <translation>La même personne ou le même ménage enregistré deux fois&#xa0;: supprimer celui enregistré le plus tard (Ctrl+Maj+Suppr)</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Conserver les deux</translation>
    </message>
    <message>
        <source>Delete newer</source>
        <translation>Supprimer le plus récent</translation>
    </message>
    <message>
        <source>&amp;Potential duplicates:</source>
        <translation>Doublons &amp;potentiels&#xa0;:</translation>
    </message>
    <message>
        <source>The pair was not resolved: %1</source>
        <translation>La paire n’a pas été résolue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Delete newer registration</source>
        <translation>Supprimer l’enregistrement le plus récent</translation>
    </message>
    <message>
        <source>Delete %1, the one registered later? It stays in the audit trail.
Note (optional):</source>
        <translation>Supprimer %1, enregistré le plus tard&#xa0;? La fiche reste dans la piste d’audit.
Note (facultative)&#xa0;:</translation>
    </message>
    <message>
        <source>No potential duplicates wait for review.</source>
        <translation>Aucun doublon potentiel n’attend de vérification.</translation>
    </message>
    <message>
        <source>Showing the oldest %1 of %2 pairs.</source>
        <translation>Affichage des %1 paires les plus anciennes sur %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) to review.</source>
        <translation>
            <numerusform>%n paire à vérifier.</numerusform>
            <numerusform>%n paires à vérifier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered first</source>
        <translation>Enregistré en premier</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>Choose a pair to compare.</source>
        <translation>Choisissez une paire à comparer.</translation>
    </message>
    <message>
        <source>Found %1, matched on %2.</source>
        <translation>Détecté le %1, correspondance sur %2.</translation>
    </message>
    <message>
        <source>%1 (newer)</source>
        <translation>%1 (plus récent)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Duplicate Rules</source>
        <translation>Règles des doublons</translation>
    </message>
    <message>
        <source>A new or changed person or household is flagged when it matches another on any rule checked here. Names are compared without case, accents or word order.</source>
        <translation>Une personne ou un ménage nouveau ou modifié est signalé lorsqu’il correspond à un autre selon l’une des règles cochées ici. Les noms sont comparés sans tenir compte de la casse, des accents ni de l’ordre des mots.</translation>
    </message>
    <message>
        <source>Same name and &amp;birth date</source>
        <translation>Même nom et même date de &amp;naissance</translation>
    </message>
    <message>
        <source>Same name and &amp;age band</source>
        <translation>Même nom et même tranche d’â&amp;ge</translation>
    </message>
    <message>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <source>Same &amp;ID number</source>
        <translation>Même numéro d’&amp;identité</translation>
    </message>
    <message>
        <source>Same &amp;phone number</source>
        <translation>Même numéro de &amp;téléphone</translation>
    </message>
    <message>
        <source> last digits</source>
        <translation> derniers chiffres</translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation>&amp;Règles…</translation>
    </message>
    <message>
        <source>Which rules flag potential duplicates</source>
        <translation>Quelles règles signalent les doublons potentiels</translation>
    </message>
    <message>
        <source>The duplicate rules cannot be read: %1</source>
        <translation>Les règles des doublons ne peuvent pas être lues&#xa0;: %1</translation>
    </message>
    <message>
        <source>The duplicate rules were not changed: %1</source>
        <translation>Les règles des doublons n’ont pas été modifiées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ExportDialog</name>
    <message>
        <source>Households (one row each)</source>
        <translation>Ménages (une ligne chacun)</translation>
    </message>
    <message>
        <source>Individuals (one row per member)</source>
        <translation>Personnes (une ligne par membre)</translation>
    </message>
    <message>
        <source>Audit log (every change)</source>
        <translation>Journal d’audit (chaque modification)</translation>
    </message>
    <message>
        <source>Summary report</source>
        <translation>Rapport de synthèse</translation>
    </message>
    <message>
        <source>Household profile (one household)</source>
        <translation>Fiche du ménage (un ménage)</translation>
    </message>
    <message>
        <source>Workbook (households, individuals, audit log, summary)</source>
        <translation>Classeur (ménages, personnes, journal d’audit, synthèse)</translation>
    </message>
    <message>
        <source>Events, as stored (backup, re-importable)</source>
        <translation>Événements, tels qu’enregistrés (sauvegarde, réimportable)</translation>
    </message>
    <message>
        <source>Entities (JSON)</source>
        <translation>Entités (JSON)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>CSV (comma-separated text)</source>
        <translation>CSV (texte séparé par des virgules)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Classeur Excel (XLSX)</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>Fichiers %1 (*.%2)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Choisissez où enregistrer l’export.</translation>
    </message>
    <message>
        <source>Enter the ID of the household to print.</source>
        <translation>Saisissez l’identifiant du ménage à imprimer.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Saved the report to %1.</source>
        <translation>Rapport enregistré dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to %1.</source>
        <translation>
            <numerusform>%n ligne exportée vers %1.</numerusform>
            <numerusform>%n lignes exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled. No file was written, and an existing file was left as it was.</source>
        <translation>Export annulé. Aucun fichier n’a été écrit et un fichier existant a été laissé tel quel.</translation>
    </message>
    <message>
        <source>Exports are for supervisors and administrators: nothing was written.</source>
        <translation>Les exports sont réservés aux superviseurs et aux administrateurs&#xa0;: rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The export failed: %1. No file was written.</source>
        <translation>L’export a échoué&#xa0;: %1. Aucun fichier n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::FieldEditor</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1 (non proposé)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>e.g. 12.6392</source>
        <translation>p. ex. 12.6392</translation>
    </message>
    <message>
        <source>e.g. -8.0029</source>
        <translation>p. ex. -8.0029</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Choose the date on a calendar</source>
        <translation>Choisir la date dans un calendrier</translation>
    </message>
    <message>
        <source>An answer is required</source>
        <translation>Une réponse est obligatoire</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatoire)</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::FormDialog</name>
    <message>
        <source>Discard Changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Close the form and lose what you entered in it?</source>
        <translation>Fermer le formulaire et perdre ce que vous y avez saisi&#xa0;?</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::FormView</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Next section (Enter on the last field)</source>
        <translation>Section suivante (Entrée sur le dernier champ)</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Submit the form (Ctrl+Enter)</source>
        <translation>Envoyer le formulaire (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Leave the form (Esc)</source>
        <translation>Quitter le formulaire (Échap)</translation>
    </message>
    <message>
        <source>&amp;Issues</source>
        <translation>&amp;Problèmes</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>&amp;Réponses</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Récapitulatif</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n.</source>
        <translation>
            <numerusform>Problème à corriger avant de pouvoir envoyer le formulaire&#xa0;: %n.</numerusform>
            <numerusform>Problèmes à corriger avant de pouvoir envoyer le formulaire&#xa0;: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The form could not be submitted.</source>
        <translation>Le formulaire n’a pas pu être envoyé.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Everything needed is answered. Check the answers, then submit.</source>
        <translation>Tout ce qui est nécessaire est renseigné. Vérifiez les réponses, puis envoyez.</translation>
    </message>
    <message numerus="yes">
        <source>Entries: %n</source>
        <translation>
            <numerusform>Entrées&#xa0;: %n</numerusform>
            <numerusform>Entrées&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>Entrée %1</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(pas de réponse)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n. Click one, or press Enter on it, to go to its field.</source>
        <translation>
            <numerusform>Problème à corriger avant de pouvoir envoyer le formulaire&#xa0;: %n. Cliquez dessus, ou appuyez sur Entrée, pour aller à son champ.</numerusform>
            <numerusform>Problèmes à corriger avant de pouvoir envoyer le formulaire&#xa0;: %n. Cliquez sur l’un d’eux, ou appuyez sur Entrée, pour aller à son champ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdDetail</name>
    <message>
        <source>&amp;Edit Household…</source>
        <translation>&amp;Modifier le ménage…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Correct the household&apos;s name, location or phone (F2)</source>
        <translation>Corriger le nom, la localisation ou le téléphone du ménage (F2)</translation>
    </message>
    <message>
        <source>&amp;Add Member…</source>
        <translation>&amp;Ajouter un membre…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Register someone who joined the household (Insert)</source>
        <translation>Enregistrer une personne arrivée dans le ménage (Inser)</translation>
    </message>
    <message>
        <source>Edit &amp;Member…</source>
        <translation>Modifier le m&amp;embre…</translation>
    </message>
    <message>
        <source>Correct the selected member&apos;s details (Enter)</source>
        <translation>Corriger les informations du membre sélectionné (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Remove Member…</source>
        <translation>&amp;Retirer le membre…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>The selected member left the household: say why (Delete)</source>
        <translation>Le membre sélectionné a quitté le ménage&#xa0;: indiquez pourquoi (Suppr)</translation>
    </message>
    <message>
        <source>Mo&amp;ve to Another Household…</source>
        <translation>&amp;Transférer dans un autre ménage…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Transférer…</translation>
    </message>
    <message>
        <source>The selected member now lives in another household</source>
        <translation>Le membre sélectionné vit désormais dans un autre ménage</translation>
    </message>
    <message>
        <source>S&amp;plit Household…</source>
        <translation>Sc&amp;inder le ménage…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Scinder…</translation>
    </message>
    <message>
        <source>Some members form a household of their own</source>
        <translation>Certains membres forment leur propre ménage</translation>
    </message>
    <message>
        <source>Change &amp;Head…</source>
        <translation>Changer de &amp;chef…</translation>
    </message>
    <message>
        <source>Change Head…</source>
        <translation>Changer de chef…</translation>
    </message>
    <message>
        <source>Another member becomes the head of household</source>
        <translation>Un autre membre devient chef de ménage</translation>
    </message>
    <message>
        <source>&amp;Delete Household…</source>
        <translation>&amp;Supprimer le ménage…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Remove the household from the list (it stays in the audit trail)</source>
        <translation>Retirer le ménage de la liste (il reste dans la piste d’audit)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Age or birth date</source>
        <translation>Âge ou date de naissance</translation>
    </message>
    <message>
        <source>Relationship to the head</source>
        <translation>Lien avec le chef de ménage</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select a household to see its members and what can be done with it.</source>
        <translation>Sélectionnez un ménage pour voir ses membres et ce que vous pouvez en faire.</translation>
    </message>
    <message>
        <source>This household cannot be shown: %1</source>
        <translation>Ce ménage ne peut pas être affiché&#xa0;: %1</translation>
    </message>
    <message>
        <source>This household is not in the registry.</source>
        <translation>Ce ménage n’est pas dans le registre.</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (supprimé)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>by %1 on %2</source>
        <translation>par %1 le %2</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Former head</source>
        <translation>Ancien chef</translation>
    </message>
    <message>
        <source>Form Missing</source>
        <translation>Formulaire manquant</translation>
    </message>
    <message>
        <source>The form “%1” is not installed.</source>
        <translation>Le formulaire «&#xa0;%1&#xa0;» n’est pas installé.</translation>
    </message>
    <message>
        <source>New member of %1</source>
        <translation>Nouveau membre de %1</translation>
    </message>
    <message>
        <source>%1, member of %2</source>
        <translation>%1, membre de %2</translation>
    </message>
    <message>
        <source>%1 leaves the household %2</source>
        <translation>%1 quitte le ménage %2</translation>
    </message>
    <message>
        <source>Member &amp;History…</source>
        <translation>Histori&amp;que du membre…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>Who changed the selected member, what, when and why (Ctrl+Shift+H)</source>
        <translation>Qui a modifié le membre sélectionné, quoi, quand et pourquoi (Ctrl+Maj+H)</translation>
    </message>
    <message>
        <source>&amp;Household</source>
        <translation>&amp;Ménage</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Historique de %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdModel</name>
    <message>
        <source>Registered by %1 on %2</source>
        <translation>Enregistré par %1 le %2</translation>
    </message>
    <message>
        <source>Last change to the household or one of its members</source>
        <translation>Dernière modification du ménage ou de l’un de ses membres</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <source>Village or area</source>
        <translation>Village ou zone</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Dernière mise à jour</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdProfileReport</name>
    <message>
        <source>Household profile</source>
        <translation>Fiche du ménage</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Au %1</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>État actuel</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>Imprimé le %1 par %2</translation>
    </message>
    <message>
        <source>This household was deleted. It is kept, with its history, in the registry.</source>
        <translation>Ce ménage a été supprimé. Il est conservé, avec son historique, dans le registre.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Household ID</source>
        <translation>Identifiant du ménage</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation>
            <numerusform>Membres (%n)</numerusform>
            <numerusform>Membres (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No members.</source>
        <translation>Aucun membre.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Birth date / age</source>
        <translation>Date de naissance / âge</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Lien de parenté</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>Identifiant du membre</translation>
    </message>
    <message>
        <source>%1 (arrived late)</source>
        <translation>%1 (arrivé en retard)</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Log size</source>
        <translation>Taille du journal</translation>
    </message>
    <message>
        <source>Log root</source>
        <translation>Racine du journal</translation>
    </message>
    <message>
        <source>Household&apos;s last event</source>
        <translation>Dernier événement du ménage</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>sequence %1</source>
        <translation>séquence %1</translation>
    </message>
    <message>
        <source>Its event ID</source>
        <translation>Identifiant de cet événement</translation>
    </message>
    <message>
        <source>To check this paper against the registry later: &quot;fieldledger-cli log root --size %1&quot; prints the root above, and &quot;fieldledger-cli log proof %2 --size %1&quot; proves that the household&apos;s last event is part of that log. A registry whose log no longer gives this root has been rewritten.</source>
        <translation>Pour comparer plus tard ce document au registre&#xa0;: «&#xa0;fieldledger-cli log root --size %1&#xa0;» affiche la racine ci-dessus, et «&#xa0;fieldledger-cli log proof %2 --size %1&#xa0;» prouve que le dernier événement du ménage fait partie de ce journal. Un registre dont le journal ne donne plus cette racine a été réécrit.</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>(illisible)</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <source>%1 (%2 years)</source>
        <translation>%1 (%2 ans)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>%1 (household)</source>
        <translation>%1 (ménage)</translation>
    </message>
    <message>
        <source>joined: %1</source>
        <translation>arrivé&#xa0;: %1</translation>
    </message>
    <message>
        <source>left: %1</source>
        <translation>parti&#xa0;: %1</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restauré</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 retiré</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motif&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>History (events: %n)</source>
        <translation>
            <numerusform>Historique (événements&#xa0;: %n)</numerusform>
            <numerusform>Historique (événements&#xa0;: %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdsPage</name>
    <message>
        <source>The list cannot be read: %1</source>
        <translation>La liste ne peut pas être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>The forms cannot be loaded: %1</source>
        <translation>Les formulaires ne peuvent pas être chargés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Find households by name, head or village…</source>
        <translation>Rechercher des ménages par nom, chef ou village…</translation>
    </message>
    <message>
        <source>Find households</source>
        <translation>Rechercher des ménages</translation>
    </message>
    <message>
        <source>&amp;Register a Household…</source>
        <translation>&amp;Enregistrer un ménage…</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Colonnes</translation>
    </message>
    <message numerus="yes">
        <source>%Ln household(s)</source>
        <translation>
            <numerusform>%Ln ménage</numerusform>
            <numerusform>%Ln ménages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln found</source>
        <translation>
            <numerusform>%Ln trouvé</numerusform>
            <numerusform>%Ln trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>No household matches “%1”</source>
        <translation>Aucun ménage ne correspond à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>No households yet</source>
        <translation>Aucun ménage pour l’instant</translation>
    </message>
    <message>
        <source>Search looks at household names, heads and villages; accents and capitals do not matter.</source>
        <translation>La recherche porte sur les noms des ménages, les chefs et les villages&#xa0;; les accents et les majuscules ne comptent pas.</translation>
    </message>
    <message>
        <source>Households registered in %1 will be listed here.</source>
        <translation>Les ménages enregistrés dans %1 apparaîtront ici.</translation>
    </message>
    <message>
        <source>Form Missing</source>
        <translation>Formulaire manquant</translation>
    </message>
    <message>
        <source>The household registration form is not installed.</source>
        <translation>Le formulaire d’enregistrement des ménages n’est pas installé.</translation>
    </message>
    <message>
        <source>New household — submit with Ctrl+Enter, leave with Esc</source>
        <translation>Nouveau ménage — envoyer avec Ctrl+Entrée, quitter avec Échap</translation>
    </message>
    <message>
        <source>Discard Household</source>
        <translation>Abandonner le ménage</translation>
    </message>
    <message>
        <source>Leave the registration form and lose what you entered in it?</source>
        <translation>Quitter le formulaire d’enregistrement et perdre ce que vous y avez saisi&#xa0;?</translation>
    </message>
    <message>
        <source>more than %L1 found</source>
        <translation>plus de %L1 trouvés</translation>
    </message>
    <message>
        <source>As of a Date…</source>
        <translation>À une date…</translation>
    </message>
    <message>
        <source>Every household as it was at a chosen moment (Ctrl+Shift+T)</source>
        <translation>Tous les ménages tels qu’ils étaient à un moment choisi (Ctrl+Maj+T)</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::IntegrityPanel</name>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Événements&#xa0;:</translation>
    </message>
    <message>
        <source>Root:</source>
        <translation>Racine&#xa0;:</translation>
    </message>
    <message>
        <source>Latest signed checkpoint:</source>
        <translation>Dernier point de contrôle signé&#xa0;:</translation>
    </message>
    <message>
        <source>Checkpoint root:</source>
        <translation>Racine du point de contrôle&#xa0;:</translation>
    </message>
    <message>
        <source>Device key fingerprint:</source>
        <translation>Empreinte de la clé de l’appareil&#xa0;:</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>&amp;Verify now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>Recompute every event&apos;s hash, the Merkle tree and the root, and check the signed checkpoint</source>
        <translation>Recalculer l’empreinte de chaque événement, l’arbre de Merkle et la racine, et vérifier le point de contrôle signé</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not verified in this session.</source>
        <translation>Non vérifié pendant cette session.</translation>
    </message>
    <message>
        <source>Prove this record</source>
        <translation>Prouver cet enregistrement</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Identifiant de l’événement</translation>
    </message>
    <message>
        <source>&amp;Prove</source>
        <translation>&amp;Prouver</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Save the proof as JSON, as `fieldledger-cli log proof` prints it</source>
        <translation>Enregistrer la preuve en JSON, telle que l’affiche `fieldledger-cli log proof`</translation>
    </message>
    <message>
        <source>Enter an event ID, or select an event in an audit trail, then Prove.</source>
        <translation>Saisissez l’identifiant d’un événement, ou sélectionnez un événement dans une piste d’audit, puis Prouver.</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>É&amp;vénement&#xa0;:</translation>
    </message>
    <message>
        <source>INTEGRITY ALARM</source>
        <translation>ALARME D’INTÉGRITÉ</translation>
    </message>
    <message>
        <source>Changes are refused until this is resolved.</source>
        <translation>Les modifications sont refusées tant que ce n’est pas résolu.</translation>
    </message>
    <message>
        <source>An administrator must acknowledge this alarm.</source>
        <translation>Un administrateur doit prendre acte de cette alarme.</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>Illisible&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), signed %1</source>
        <translation>
            <numerusform>%n événement, signé le %1</numerusform>
            <numerusform>%n événements, signé le %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>None yet (one is signed when the registry is closed)</source>
        <translation>Aucun pour l’instant (un point est signé à la fermeture du registre)</translation>
    </message>
    <message>
        <source>(no device key)</source>
        <translation>(pas de clé d’appareil)</translation>
    </message>
    <message>
        <source>Public key: %1</source>
        <translation>Clé publique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Vérification annulée.</translation>
    </message>
    <message>
        <source>Verification could not run: %1</source>
        <translation>La vérification n’a pas pu s’exécuter&#xa0;: %1</translation>
    </message>
    <message>
        <source>OK — all %1 events, the Merkle tree and the signed checkpoint verify.</source>
        <translation>OK — les %1 événements, l’arbre de Merkle et le point de contrôle signé sont vérifiés.</translation>
    </message>
    <message>
        <source>Root %1</source>
        <translation>Racine %1</translation>
    </message>
    <message>
        <source>FAILED at event %1 (sequence %2)</source>
        <translation>ÉCHEC à l’événement %1 (séquence %2)</translation>
    </message>
    <message>
        <source>FAILED at sequence %1</source>
        <translation>ÉCHEC à la séquence %1</translation>
    </message>
    <message>
        <source>FAILED: the signed checkpoint</source>
        <translation>ÉCHEC&#xa0;: le point de contrôle signé</translation>
    </message>
    <message>
        <source>Enter the ID of an event.</source>
        <translation>Saisissez l’identifiant d’un événement.</translation>
    </message>
    <message>
        <source>No event %1 in this registry&apos;s log.</source>
        <translation>Aucun événement %1 dans le journal de ce registre.</translation>
    </message>
    <message>
        <source>No proof: %1</source>
        <translation>Pas de preuve&#xa0;: %1</translation>
    </message>
    <message>
        <source>Event:       %1</source>
        <translation>Événement&#xa0;:  %1</translation>
    </message>
    <message>
        <source>Leaf index:  %1</source>
        <translation>Indice&#xa0;:     %1</translation>
    </message>
    <message>
        <source>Tree size:   %1</source>
        <translation>Taille&#xa0;:     %1</translation>
    </message>
    <message>
        <source>Root:        %1</source>
        <translation>Racine&#xa0;:     %1</translation>
    </message>
    <message>
        <source>Leaf hash:   %1</source>
        <translation>Empreinte&#xa0;:  %1</translation>
    </message>
    <message numerus="yes">
        <source>Audit path (%n hash(es), the leaf&apos;s sibling first):</source>
        <translation>
            <numerusform>Chemin d’audit (%n empreinte, la sœur de la feuille d’abord)&#xa0;:</numerusform>
            <numerusform>Chemin d’audit (%n empreintes, la sœur de la feuille d’abord)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked here (RFC 9162): the path leads from the leaf to the root.</source>
        <translation>Vérifié ici (RFC 9162)&#xa0;: le chemin mène de la feuille à la racine.</translation>
    </message>
    <message>
        <source>The proof does not lead to the root: %1</source>
        <translation>La preuve ne mène pas à la racine&#xa0;: %1</translation>
    </message>
    <message>
        <source>Prove an event first.</source>
        <translation>Prouvez d’abord un événement.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Proof of %1 saved to %2.</source>
        <translation>Preuve de %1 enregistrée dans %2.</translation>
    </message>
    <message>
        <source>Export Proof</source>
        <translation>Exporter la preuve</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Integrity Alarm</source>
        <translation>Alarme d’intégrité</translation>
    </message>
    <message>
        <source>The alarm could not be acknowledged: %1</source>
        <translation>Impossible de prendre acte de l’alarme&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Prendre acte…</translation>
    </message>
    <message>
        <source>Acknowledge the Integrity Alarm</source>
        <translation>Prendre acte de l’alarme d’intégrité</translation>
    </message>
    <message>
        <source>Accept the event log as it is now and allow changes again? A signed checkpoint will record that you acknowledged the alarm.</source>
        <translation>Accepter le journal des événements dans son état actuel et autoriser de nouveau les modifications&#xa0;? Un point de contrôle signé enregistrera que vous avez pris acte de l’alarme.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::MainWindow</name>
    <message>
        <source>%1 — FieldLedger</source>
        <translation>%1 — FieldLedger</translation>
    </message>
    <message>
        <source>&amp;New Household…</source>
        <translation>&amp;Nouveau ménage…</translation>
    </message>
    <message>
        <source>Register a new household</source>
        <translation>Enregistrer un nouveau ménage</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Close the registry and ask for a passphrase again</source>
        <translation>Fermer le registre et redemander une phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Find households by name or identifier</source>
        <translation>Rechercher des ménages par nom ou identifiant</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>Afficher la barre &amp;latérale</translation>
    </message>
    <message>
        <source>&amp;About FieldLedger</source>
        <translation>À &amp;propos de FieldLedger</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Find households…</source>
        <translation>Rechercher des ménages…</translation>
    </message>
    <message>
        <source>Find households</source>
        <translation>Rechercher des ménages</translation>
    </message>
    <message>
        <source>No households yet</source>
        <translation>Aucun ménage pour l’instant</translation>
    </message>
    <message>
        <source>Households registered in %1 will be listed here.</source>
        <translation>Les ménages enregistrés dans %1 apparaîtront ici.</translation>
    </message>
    <message>
        <source>No drafts</source>
        <translation>Aucun brouillon</translation>
    </message>
    <message>
        <source>Forms you save before submitting them wait here until you finish them.</source>
        <translation>Les formulaires enregistrés avant leur envoi attendent ici que vous les terminiez.</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>Registre&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldLedger %1&lt;/h3&gt;&lt;p&gt;Offline household registration for enumerators, supervisors and administrators.&lt;/p&gt;&lt;p&gt;Every form you submit is kept as an event that is never changed, in an encrypted registry whose log shows any tampering.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldLedger %1&lt;/h3&gt;&lt;p&gt;Enregistrement des ménages hors ligne pour les enquêteurs, les superviseurs et les administrateurs.&lt;/p&gt;&lt;p&gt;Chaque formulaire envoyé est conservé comme un événement qui n’est jamais modifié, dans un registre chiffré dont le journal révèle toute falsification.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt %1</source>
        <translation>&lt;p&gt;Qt %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;SQLCipher %1</source>
        <translation>&lt;br&gt;SQLCipher %1</translation>
    </message>
    <message>
        <source>About FieldLedger</source>
        <translation>À propos de FieldLedger</translation>
    </message>
    <message>
        <source>S&amp;ubmit Form</source>
        <translation>&amp;Envoyer le formulaire</translation>
    </message>
    <message>
        <source>Submit the form once it has no issues</source>
        <translation>Envoyer le formulaire une fois qu’il n’a plus de problème</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>Enregistrer le &amp;brouillon</translation>
    </message>
    <message>
        <source>Keep the form as it is, to finish it later</source>
        <translation>Garder le formulaire tel quel pour le terminer plus tard</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export households, individuals, events or reports (CSV, XLSX, JSON Lines, PDF)</source>
        <translation>Exporter des ménages, des personnes, des événements ou des rapports (CSV, XLSX, JSON Lines, PDF)</translation>
    </message>
    <message>
        <source>&amp;Audit Trail of the Household</source>
        <translation>&amp;Piste d’audit du ménage</translation>
    </message>
    <message>
        <source>Who changed what, when and why, for the selected household</source>
        <translation>Qui a modifié quoi, quand et pourquoi, pour le ménage sélectionné</translation>
    </message>
    <message>
        <source>&amp;Time Travel…</source>
        <translation>&amp;Voyage dans le temps…</translation>
    </message>
    <message>
        <source>The selected household as it was at any moment</source>
        <translation>Le ménage sélectionné tel qu’il était à tout moment</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Intégrité</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Select a household first.</source>
        <translation>Sélectionnez d’abord un ménage.</translation>
    </message>
    <message>
        <source>Time travel</source>
        <translation>Voyage dans le temps</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Piste d’audit</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Language, idle lock and this computer&apos;s name</source>
        <translation>Langue, verrouillage après inactivité et nom de cet ordinateur</translation>
    </message>
    <message>
        <source>Integrity alarm</source>
        <translation>Alarme d’intégrité</translation>
    </message>
    <message>
        <source>Nothing can be changed until an administrator acknowledges the alarm.</source>
        <translation>Aucune modification n’est possible tant qu’un administrateur n’a pas pris acte de l’alarme.</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Prendre acte…</translation>
    </message>
    <message>
        <source>Acknowledge the Integrity Alarm</source>
        <translation>Prendre acte de l’alarme d’intégrité</translation>
    </message>
    <message>
        <source>Accept the event log as it is now and allow changes again? A signed checkpoint will record that you acknowledged the alarm.</source>
        <translation>Accepter le journal des événements dans son état actuel et autoriser de nouveau les modifications&#xa0;? Un point de contrôle signé enregistrera que vous avez pris acte de l’alarme.</translation>
    </message>
    <message>
        <source>Integrity Alarm</source>
        <translation>Alarme d’intégrité</translation>
    </message>
    <message>
        <source>The alarm could not be acknowledged: %1</source>
        <translation>Impossible de prendre acte de l’alarme&#xa0;: %1</translation>
    </message>
    <message>
        <source>Alarm acknowledged: changes are allowed again.</source>
        <translation>Il a été pris acte de l’alarme&#xa0;: les modifications sont de nouveau autorisées.</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Le brouillon n’a pas pu être enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The draft could not be read: %1</source>
        <translation>Le brouillon n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>That draft is not there any more.</source>
        <translation>Ce brouillon n’existe plus.</translation>
    </message>
    <message>
        <source>Finish or leave the registration form first, then resume the draft.</source>
        <translation>Terminez ou quittez d’abord le formulaire d’enregistrement, puis reprenez le brouillon.</translation>
    </message>
    <message>
        <source>The household of that draft is not in the registry any more; discard the draft.</source>
        <translation>Le ménage de ce brouillon n’est plus dans le registre&#xa0;; abandonnez le brouillon.</translation>
    </message>
    <message>
        <source>The form of that draft cannot be opened any more; discard the draft.</source>
        <translation>Le formulaire de ce brouillon ne peut plus être ouvert&#xa0;; abandonnez le brouillon.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Registry As Of…</source>
        <translation>&amp;Registre à une date…</translation>
    </message>
    <message>
        <source>Every household as it was at a chosen moment</source>
        <translation>Tous les ménages tels qu’ils étaient à un moment choisi</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::MoveMemberDialog</name>
    <message>
        <source>Move %1 from the household %2 to the household chosen below.</source>
        <translation>Transférer %1 du ménage %2 vers le ménage choisi ci-dessous.</translation>
    </message>
    <message>
        <source>Moved to live there</source>
        <translation>Parti y vivre</translation>
    </message>
    <message>
        <source>Married into that household</source>
        <translation>Marié dans ce ménage</translation>
    </message>
    <message>
        <source>Data correction (registered in the wrong household)</source>
        <translation>Correction de données (enregistré dans le mauvais ménage)</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Transférer</translation>
    </message>
    <message>
        <source>This is the household the member is in now: choose another one.</source>
        <translation>C’est le ménage actuel du membre&#xa0;: choisissez-en un autre.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RegistryAsOfDialog</name>
    <message>
        <source>Registry as of a date</source>
        <translation>Le registre à une date</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>&amp;À la date du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>A&amp;fficher</translation>
    </message>
    <message>
        <source>Filter by name, head or village…</source>
        <translation>Filtrer par nom, chef ou village…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose a moment and press Show.</source>
        <translation>Choisissez un moment et appuyez sur Afficher.</translation>
    </message>
    <message>
        <source>Reading the registry as of %1…</source>
        <translation>Lecture du registre au %1…</translation>
    </message>
    <message>
        <source>Reading the registry as of %1… %2 records</source>
        <translation>Lecture du registre au %1… %2 fiches</translation>
    </message>
    <message>
        <source>Cancelled: the list shows what was read before.</source>
        <translation>Annulé&#xa0;: la liste montre ce qui avait été lu.</translation>
    </message>
    <message>
        <source>The registry could not be read as of that moment: %1</source>
        <translation>Le registre n’a pas pu être lu à ce moment&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) as of %1. Enter or a double click shows one as it was then.</source>
        <translation>
            <numerusform>%n ménage au %1. Entrée ou un double clic le montre tel qu’il était alors.</numerusform>
            <numerusform>%n ménages au %1. Entrée ou un double clic en montre un tel qu’il était alors.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RegistryAsOfModel</name>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chef de ménage</translation>
    </message>
    <message>
        <source>Village or area</source>
        <translation>Village ou zone</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RegistrySetupDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source> households</source>
        <translation> ménages</translation>
    </message>
    <message>
        <source>Households in the demo registry</source>
        <translation>Ménages du registre de démonstration</translation>
    </message>
    <message>
        <source>Co&amp;ntinue</source>
        <translation>Co&amp;ntinuer</translation>
    </message>
    <message>
        <source>It will be saved as %1</source>
        <translation>Il sera enregistré sous %1</translation>
    </message>
    <message>
        <source>Enter a name for the registry.</source>
        <translation>Saisissez un nom pour le registre.</translation>
    </message>
    <message>
        <source>Choose the user id you will type to unlock the registry.</source>
        <translation>Choisissez l’identifiant que vous saisirez pour déverrouiller le registre.</translation>
    </message>
    <message>
        <source>Choose a passphrase.</source>
        <translation>Choisissez une phrase secrète.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La phrase secrète doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Type the passphrase again to confirm it.</source>
        <translation>Saisissez de nouveau la phrase secrète pour la confirmer.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Les deux phrases secrètes ne correspondent pas.</translation>
    </message>
    <message>
        <source>Passphrase strength: %1</source>
        <translation>Robustesse de la phrase secrète&#xa0;: %1</translation>
    </message>
    <message>
        <source>The registry could not be created. %1</source>
        <translation>Le registre n’a pas pu être créé. %1</translation>
    </message>
    <message>
        <source>Recovery Key — FieldLedger</source>
        <translation>Clé de récupération — FieldLedger</translation>
    </message>
    <message>
        <source>Demo registry</source>
        <translation>Registre de démonstration</translation>
    </message>
    <message>
        <source>Copied. Paste it where it is safe, then copy something else over it.</source>
        <translation>Copiée. Collez-la en lieu sûr, puis copiez autre chose par-dessus.</translation>
    </message>
    <message>
        <source>Continue Without the Recovery Key?</source>
        <translation>Continuer sans la clé de récupération&#xa0;?</translation>
    </message>
    <message>
        <source>The recovery key will not be shown again. Without it, a registry whose administrators have all forgotten their passphrases cannot be opened by anyone.

Continue without writing it down?</source>
        <translation>La clé de récupération ne sera plus affichée. Sans elle, un registre dont tous les administrateurs ont oublié leur phrase secrète ne peut plus être ouvert par personne.

Continuer sans la noter&#xa0;?</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ResetPassphraseDialog</name>
    <message>
        <source>Reset Passphrase</source>
        <translation>Réinitialiser la phrase secrète</translation>
    </message>
    <message>
        <source>Choose a new passphrase for %1 and give it to them in person. Their old passphrase stops working at once.</source>
        <translation>Choisissez une nouvelle phrase secrète pour %1 et remettez-la-lui en personne. Son ancienne phrase secrète cesse aussitôt de fonctionner.</translation>
    </message>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>Nouvelle &amp;phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirmer la phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La phrase secrète doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ReviewPage</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>A&amp;pprouver</translation>
    </message>
    <message>
        <source>Approve the selected submission (Ctrl+Shift+A)</source>
        <translation>Approuver l’envoi sélectionné (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>&amp;Flag…</source>
        <translation>&amp;Signaler…</translation>
    </message>
    <message>
        <source>Flag the selected submission with a comment</source>
        <translation>Signaler l’envoi sélectionné avec un commentaire</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Rejeter…</translation>
    </message>
    <message>
        <source>Reject the selected submission with a reason</source>
        <translation>Rejeter l’envoi sélectionné avec un motif</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Flag %1</source>
        <translation>Signaler %1</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>Rejeter %1</translation>
    </message>
    <message>
        <source>What should the enumerator look at?</source>
        <translation>Que doit examiner l’enquêteur&#xa0;?</translation>
    </message>
    <message>
        <source>Why is this submission rejected?</source>
        <translation>Pourquoi cet envoi est-il rejeté&#xa0;?</translation>
    </message>
    <message>
        <source>A flag needs a comment.</source>
        <translation>Un signalement demande un commentaire.</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>Un rejet demande un motif.</translation>
    </message>
    <message>
        <source>The decision was not recorded: %1</source>
        <translation>La décision n’a pas été enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 awaiting review · %2 flagged · %3 rejected · %4 approved</source>
        <translation>%1 en attente · %2 signalés · %3 rejetés · %4 approuvés</translation>
    </message>
    <message>
        <source>Correct a Field of %1</source>
        <translation>Corriger un champ de %1</translation>
    </message>
    <message>
        <source>Why the value changes (required)</source>
        <translation>Pourquoi la valeur change (obligatoire)</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Champ&#xa0;:</translation>
    </message>
    <message>
        <source>New &amp;value:</source>
        <translation>Nouvelle &amp;valeur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Correct Field…</source>
        <translation>&amp;Corriger un champ…</translation>
    </message>
    <message>
        <source>Set one field of the selected household to a new value, with a reason</source>
        <translation>Donner une nouvelle valeur à un champ du ménage sélectionné, avec un motif</translation>
    </message>
    <message>
        <source>The household cannot be read: %1</source>
        <translation>Le ménage ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>it is not in the registry</source>
        <translation>il n’est pas dans le registre</translation>
    </message>
    <message>
        <source>The household has no field that can be corrected here.</source>
        <translation>Le ménage n’a aucun champ qui puisse être corrigé ici.</translation>
    </message>
    <message>
        <source>The correction was not recorded: %1</source>
        <translation>La correction n’a pas été enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 holds a number: “%2” is not one.</source>
        <translation>%1 contient un nombre&#xa0;: «&#xa0;%2&#xa0;» n’en est pas un.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ReviewQueueModel</name>
    <message>
        <source>Awaiting review</source>
        <translation>En attente de vérification</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Reviewed by %1 on %2</source>
        <translation>Vérifié par %1 le %2</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>%1, changed since</source>
        <translation>%1, modifié depuis</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>Last decision</source>
        <translation>Dernière décision</translation>
    </message>
    <message>
        <source>Comment or reason</source>
        <translation>Commentaire ou motif</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RosterModel</name>
    <message>
        <source>No more entries can be added here.</source>
        <translation>Aucune entrée ne peut plus être ajoutée ici.</translation>
    </message>
    <message>
        <source>There is no such entry.</source>
        <translation>Cette entrée n’existe pas.</translation>
    </message>
    <message>
        <source>This entry cannot be removed.</source>
        <translation>Cette entrée ne peut pas être retirée.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Issues: %n</source>
        <translation>
            <numerusform>Problèmes&#xa0;: %n</numerusform>
            <numerusform>Problèmes&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RosterWidget</name>
    <message>
        <source>Entry %1 of %2</source>
        <translation>Entrée %1 sur %2</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add an entry (Insert or Ctrl+Shift+N)</source>
        <translation>Ajouter une entrée (Inser ou Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the selected entry (Delete in the table)</source>
        <translation>Retirer l’entrée sélectionnée (Suppr dans le tableau)</translation>
    </message>
    <message>
        <source>No entries yet. Add one with Insert or Ctrl+Shift+N.</source>
        <translation>Aucune entrée pour l’instant. Ajoutez-en une avec Inser ou Ctrl+Maj+N.</translation>
    </message>
    <message numerus="yes">
        <source>Entries: %n</source>
        <translation>
            <numerusform>Entrées&#xa0;: %n</numerusform>
            <numerusform>Entrées&#xa0;: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No more entries can be added: the limit is %n.</source>
        <translation>
            <numerusform>Aucune entrée ne peut plus être ajoutée&#xa0;: la limite est de %n.</numerusform>
            <numerusform>Aucune entrée ne peut plus être ajoutée&#xa0;: la limite est de %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry can be added here.</source>
        <translation>Aucune entrée ne peut être ajoutée ici.</translation>
    </message>
    <message numerus="yes">
        <source>This entry cannot be removed: at least %n must stay.</source>
        <translation>
            <numerusform>Cette entrée ne peut pas être retirée&#xa0;: au moins %n doit rester.</numerusform>
            <numerusform>Cette entrée ne peut pas être retirée&#xa0;: au moins %n doivent rester.</numerusform>
        </translation>
    </message>
    <message>
        <source>This entry cannot be removed.</source>
        <translation>Cette entrée ne peut pas être retirée.</translation>
    </message>
    <message>
        <source>Remove Entry</source>
        <translation>Retirer l’entrée</translation>
    </message>
    <message>
        <source>Remove entry %1 and everything entered for it?</source>
        <translation>Retirer l’entrée %1 et tout ce qui a été saisi pour elle&#xa0;?</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::SettingsDialog</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Minutes without input before the registry locks</source>
        <translation>Minutes sans saisie avant le verrouillage du registre</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nom de l’appareil</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::SplitHouseholdDialog</name>
    <message>
        <source>Some members of %1 form a household of their own. It keeps the location of %1.</source>
        <translation>Certains membres de %1 forment leur propre ménage. Il garde la localisation de %1.</translation>
    </message>
    <message>
        <source>Head of this household</source>
        <translation>Chef de ce ménage</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Scinder</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Personne pour l’instant</translation>
    </message>
    <message>
        <source>Name the new household and tick at least one member who leaves.</source>
        <translation>Nommez le nouveau ménage et cochez au moins un membre qui part.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::StrengthMeter</name>
    <message>
        <source>Passphrase strength: %1</source>
        <translation>Robustesse de la phrase secrète&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::SummaryReport</name>
    <message>
        <source>Registry summary</source>
        <translation>Synthèse du registre</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Au %1</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>État actuel</translation>
    </message>
    <message>
        <source>Only households registered %1</source>
        <translation>Seulement les ménages enregistrés %1</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>Imprimé le %1 par %2</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>Events in the log</source>
        <translation>Événements dans le journal</translation>
    </message>
    <message>
        <source>Registrations per day</source>
        <translation>Enregistrements par jour</translation>
    </message>
    <message>
        <source>No registrations.</source>
        <translation>Aucun enregistrement.</translation>
    </message>
    <message>
        <source>Days are UTC days of each household&apos;s registration (its first event).</source>
        <translation>Les jours sont les jours UTC de l’enregistrement de chaque ménage (son premier événement).</translation>
    </message>
    <message>
        <source>Registrations per enumerator</source>
        <translation>Enregistrements par enquêteur</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>Households per village</source>
        <translation>Ménages par village</translation>
    </message>
    <message>
        <source>(no village)</source>
        <translation>(sans village)</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>Taille des ménages</translation>
    </message>
    <message>
        <source>No households.</source>
        <translation>Aucun ménage.</translation>
    </message>
    <message>
        <source>Households by number of members.</source>
        <translation>Ménages selon le nombre de membres.</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>État de la vérification</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Log size</source>
        <translation>Taille du journal</translation>
    </message>
    <message>
        <source>Log root</source>
        <translation>Racine du journal</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>à partir du %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Where each household stands with review: the supervisor&apos;s last decision, or awaiting review when it was never reviewed or changed after its last decision.</source>
        <translation>Où en est chaque ménage dans la vérification&#xa0;: la dernière décision du superviseur, ou en attente de vérification s’il n’a jamais été vérifié ou a été modifié après sa dernière décision.</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvé</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Changed since review</source>
        <translation>Modifié depuis la vérification</translation>
    </message>
    <message>
        <source>Never reviewed</source>
        <translation>Jamais vérifié</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::TimeTravelView</name>
    <message>
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>As it &amp;happened</source>
        <translation>Tel que c’est &amp;arrivé</translation>
    </message>
    <message>
        <source>Events in the order they happened in the field (their timestamps)</source>
        <translation>Les événements dans l’ordre où ils se sont produits sur le terrain (leurs horodatages)</translation>
    </message>
    <message>
        <source>As this &amp;registry recorded it</source>
        <translation>Tel que ce &amp;registre l’a enregistré</translation>
    </message>
    <message>
        <source>Events in the order this registry received them</source>
        <translation>Les événements dans l’ordre où ce registre les a reçus</translation>
    </message>
    <message>
        <source>Show the household:</source>
        <translation>Afficher le ménage&#xa0;:</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>Premier événement</translation>
    </message>
    <message>
        <source>First event (Home)</source>
        <translation>Premier événement (Début)</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Événement précédent</translation>
    </message>
    <message>
        <source>Previous event (Left, Alt+Left)</source>
        <translation>Événement précédent (Gauche, Alt+Gauche)</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Événement suivant</translation>
    </message>
    <message>
        <source>Next event (Right, Alt+Right)</source>
        <translation>Événement suivant (Droite, Alt+Droite)</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Dernier événement</translation>
    </message>
    <message>
        <source>Last event: now (End)</source>
        <translation>Dernier événement&#xa0;: maintenant (Fin)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Show the household as it was at this moment</source>
        <translation>Afficher le ménage tel qu’il était à ce moment</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Alors</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Since then</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Highlighted: different now — fields changed since, members who left (red) or joined (green) since.</source>
        <translation>En surbrillance&#xa0;: ce qui diffère maintenant — champs modifiés depuis, membres partis (rouge) ou arrivés (vert) depuis.</translation>
    </message>
    <message>
        <source>This record has no events.</source>
        <translation>Cette fiche n’a aucun événement.</translation>
    </message>
    <message numerus="yes">
        <source>At %1, before the first of %n event(s)</source>
        <translation>
            <numerusform>Le %1, avant le premier de %n événement</numerusform>
            <numerusform>Le %1, avant le premier de %n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1, after event %2 of %3</source>
        <translation>Le %1, après l’événement %2 sur %3</translation>
    </message>
    <message numerus="yes">
        <source>Before the first of %n event(s)</source>
        <translation>
            <numerusform>Avant le premier de %n événement</numerusform>
            <numerusform>Avant le premier de %n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>After event %1 of %2: %3 by %4, %5</source>
        <translation>Après l’événement %1 sur %2&#xa0;: %3 par %4, %5</translation>
    </message>
    <message>
        <source>After the registry received event %1 of %2: %3 by %4, %5</source>
        <translation>Après réception par le registre de l’événement %1 sur %2&#xa0;: %3 par %4, %5</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>received late</source>
        <translation>reçu en retard</translation>
    </message>
    <message>
        <source>(latest)</source>
        <translation>(le plus récent)</translation>
    </message>
    <message>
        <source>As it happened: the events in the order they happened in the field, late arrivals included where they belong. Pick any moment with the date.</source>
        <translation>Tel que c’est arrivé&#xa0;: les événements dans l’ordre où ils se sont produits sur le terrain, les arrivées tardives à leur place. Choisissez n’importe quel moment avec la date.</translation>
    </message>
    <message>
        <source>As this registry recorded it: the events in the order this registry received them — what it showed at the time, before late events arrived.</source>
        <translation>Tel que ce registre l’a enregistré&#xa0;: les événements dans l’ordre où ce registre les a reçus — ce qu’il montrait alors, avant l’arrivée des événements tardifs.</translation>
    </message>
    <message>
        <source>Not registered yet at this point.</source>
        <translation>Pas encore enregistré à ce moment-là.</translation>
    </message>
    <message>
        <source>%1 — version %2, last changed %3</source>
        <translation>%1 — version %2, modifié le %3</translation>
    </message>
    <message>
        <source>DELETED at this point</source>
        <translation>SUPPRIMÉ à ce moment-là</translation>
    </message>
    <message>
        <source>deleted since</source>
        <translation>supprimé depuis</translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation>Modifié depuis</translation>
    </message>
    <message>
        <source>Left since</source>
        <translation>Parti depuis</translation>
    </message>
    <message>
        <source>Changed since: %1</source>
        <translation>Modifié depuis&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Joined since</source>
        <translation>Arrivé depuis</translation>
    </message>
    <message>
        <source>Time travel could not read this record: %1</source>
        <translation>Le voyage dans le temps n’a pas pu lire cette fiche&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::UnlockDialog</name>
    <message>
        <source>Un&amp;lock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>Registre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unlock the registry</source>
        <translation>Déverrouiller le registre</translation>
    </message>
    <message>
        <source>Unlock with a passphrase &amp;instead</source>
        <translation>Déverrouiller plutôt avec une phrase &amp;secrète</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Vérification de la phrase secrète…</translation>
    </message>
    <message>
        <source>That passphrase is not right for “%1”. Check Caps Lock and the keyboard layout, and try again.</source>
        <translation>Cette phrase secrète ne convient pas pour «&#xa0;%1&#xa0;». Vérifiez le verrouillage des majuscules et la disposition du clavier, puis réessayez.</translation>
    </message>
    <message>
        <source>That recovery key does not open this registry. Check it against the one you wrote down.</source>
        <translation>Cette clé de récupération n’ouvre pas ce registre. Comparez-la avec celle que vous avez notée.</translation>
    </message>
    <message>
        <source>The user or the registry was not found. %1</source>
        <translation>L’utilisateur ou le registre est introuvable. %1</translation>
    </message>
    <message>
        <source>The registry is open in another program. %1</source>
        <translation>Le registre est ouvert dans un autre programme. %1</translation>
    </message>
    <message>
        <source>The registry file is damaged or is not a FieldLedger registry. %1</source>
        <translation>Le fichier du registre est endommagé ou n’est pas un registre FieldLedger. %1</translation>
    </message>
    <message>
        <source>This registry cannot be opened by this version of FieldLedger. %1</source>
        <translation>Ce registre ne peut pas être ouvert par cette version de FieldLedger. %1</translation>
    </message>
    <message>
        <source>This user may not open the registry. %1</source>
        <translation>Cet utilisateur n’est pas autorisé à ouvrir le registre. %1</translation>
    </message>
    <message>
        <source>The registry failed its integrity check. %1</source>
        <translation>Le registre n’a pas passé sa vérification d’intégrité. %1</translation>
    </message>
    <message>
        <source>The registry could not be opened. %1</source>
        <translation>Le registre n’a pas pu être ouvert. %1</translation>
    </message>
    <message>
        <source>Open Registry</source>
        <translation>Ouvrir un registre</translation>
    </message>
    <message>
        <source>FieldLedger registries (*.fieldledger);;All files (*)</source>
        <translation>Registres FieldLedger (*.fieldledger);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Use the recovery &amp;key…</source>
        <translation>Utiliser la clé de &amp;récupération…</translation>
    </message>
    <message>
        <source>Choose a new passphrase with the recovery key</source>
        <translation>Choisir une nouvelle phrase secrète avec la clé de récupération</translation>
    </message>
    <message>
        <source>Reset and Un&amp;lock</source>
        <translation>Réinitialiser et &amp;déverrouiller</translation>
    </message>
    <message>
        <source>Enter your user id.</source>
        <translation>Saisissez votre identifiant d’utilisateur.</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Saisissez la clé de récupération.</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>La nouvelle phrase secrète doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Checking the recovery key and setting the new passphrase…</source>
        <translation>Vérification de la clé de récupération et définition de la nouvelle phrase secrète…</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::UsersPage</name>
    <message>
        <source>User id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>&amp;Add User…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <source>&amp;Remove User…</source>
        <translation>&amp;Retirer l’utilisateur…</translation>
    </message>
    <message>
        <source>The users cannot be read: %1</source>
        <translation>Les utilisateurs ne peuvent pas être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 n’a pas été ajouté&#xa0;: %2</translation>
    </message>
    <message>
        <source>Remove User</source>
        <translation>Retirer l’utilisateur</translation>
    </message>
    <message>
        <source>Remove %1? They will no longer be able to unlock this registry. What they recorded stays.</source>
        <translation>Retirer %1&#xa0;? Cette personne ne pourra plus déverrouiller ce registre. Ce qu’elle a enregistré reste.</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>%1 n’a pas été retiré&#xa0;: %2</translation>
    </message>
    <message>
        <source>Households assigned</source>
        <translation>Ménages attribués</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>History of changes to users</source>
        <translation>Historique des modifications des utilisateurs</translation>
    </message>
    <message>
        <source>Change R&amp;ole…</source>
        <translation>&amp;Changer le rôle…</translation>
    </message>
    <message>
        <source>Reset &amp;Passphrase…</source>
        <translation>Réinitialiser la &amp;phrase secrète…</translation>
    </message>
    <message>
        <source>Assign &amp;Households…</source>
        <translation>Attribuer des &amp;ménages…</translation>
    </message>
    <message>
        <source>Households can be assigned from the main window&apos;s Users section.</source>
        <translation>Les ménages peuvent être attribués depuis la section Utilisateurs de la fenêtre principale.</translation>
    </message>
    <message>
        <source>Hi&amp;story of changes to users</source>
        <translation>Hi&amp;storique des modifications des utilisateurs</translation>
    </message>
    <message>
        <source>Hi&amp;story of changes to %1</source>
        <translation>Hi&amp;storique des modifications de %1</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>L’historique ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Utilisateur ajouté</translation>
    </message>
    <message>
        <source>User removed</source>
        <translation>Utilisateur retiré</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rôle modifié</translation>
    </message>
    <message>
        <source>Passphrase reset</source>
        <translation>Phrase secrète réinitialisée</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase secrète modifiée</translation>
    </message>
    <message>
        <source>Households unassigned</source>
        <translation>Attribution de ménages retirée</translation>
    </message>
    <message>
        <source>the recovery key</source>
        <translation>la clé de récupération</translation>
    </message>
    <message>
        <source>The role of %1 was not changed: %2</source>
        <translation>Le rôle de %1 n’a pas été modifié&#xa0;: %2</translation>
    </message>
    <message>
        <source>The passphrase of %1 was not reset: %2</source>
        <translation>La phrase secrète de %1 n’a pas été réinitialisée&#xa0;: %2</translation>
    </message>
    <message>
        <source>The households of %1 cannot be read: %2</source>
        <translation>Les ménages de %1 ne peuvent pas être lus&#xa0;: %2</translation>
    </message>
    <message>
        <source>The households of %1 were not changed: %2</source>
        <translation>Les ménages de %1 n’ont pas été modifiés&#xa0;: %2</translation>
    </message>
    <message>
        <source>The households of %1 were not assigned: %2</source>
        <translation>Les ménages de %1 n’ont pas été attribués&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Offline household registration.</source>
        <translation>Enregistrement des ménages hors ligne.</translation>
    </message>
    <message>
        <source>Open the registry at &lt;path&gt;.</source>
        <translation>Ouvrir le registre situé à &lt;path&gt;.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
</context>
</TS>
