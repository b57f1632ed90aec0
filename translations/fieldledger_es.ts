<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ChangeHeadDialog</name>
    <message>
        <source>Change the Head of Household</source>
        <translation>Cambiar el jefe del hogar</translation>
    </message>
    <message>
        <source>New &amp;head:</source>
        <translation>Nuevo &amp;jefe:</translation>
    </message>
</context>
<context>
    <name>DeleteHouseholdDialog</name>
    <message>
        <source>Delete Household</source>
        <translation>Eliminar el hogar</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export — FieldLedger</source>
        <translation>Exportar — FieldLedger</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Contenido:</translation>
    </message>
    <message>
        <source>&amp;Household ID:</source>
        <translation>ID del &amp;hogar:</translation>
    </message>
    <message>
        <source>The ID (guid) of the household to print</source>
        <translation>El ID (guid) del hogar que se imprimirá</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;As it was on:</source>
        <translation>&amp;Tal como estaba el:</translation>
    </message>
    <message>
        <source>Export the registry as it was at this moment (UTC) instead of as it is now</source>
        <translation>Exportar el registro tal como estaba en ese momento (UTC) en lugar de como está ahora</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm &apos;UTC&apos;</source>
        <translation>yyyy-MM-dd HH:mm &apos;UTC&apos;</translation>
    </message>
    <message>
        <source>Spreadsheet:</source>
        <translation>Hoja de cálculo:</translation>
    </message>
    <message>
        <source>For &amp;Excel (byte order mark, this computer&apos;s list separator)</source>
        <translation>Para &amp;Excel (marca de orden de bytes, separador de listas de este equipo)</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papel:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Guardar en:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
</context>
<context>
    <name>MoveMemberDialog</name>
    <message>
        <source>Move to Another Household</source>
        <translation>Trasladar a otro hogar</translation>
    </message>
    <message>
        <source>Find the household by name, head or village…</source>
        <translation>Buscar el hogar por nombre, jefe o aldea…</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <source>too short</source>
        <translation>demasiado corta</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>débil</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>aceptable</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>robusta</translation>
    </message>
</context>
<context>
    <name>RegistrySetupDialog</name>
    <message>
        <source>Create a Registry — FieldLedger</source>
        <translation>Crear un registro — FieldLedger</translation>
    </message>
    <message>
        <source>Create a registry</source>
        <translation>Crear un registro</translation>
    </message>
    <message>
        <source>A registry is one encrypted file that holds every household you register. You will be its first administrator; you can add enumerators and supervisors later.</source>
        <translation>Un registro es un archivo cifrado que contiene todos los hogares que registre. Usted será su primer administrador; podrá añadir encuestadores y supervisores más adelante.</translation>
    </message>
    <message>
        <source>Registry &amp;name:</source>
        <translation>&amp;Nombre del registro:</translation>
    </message>
    <message>
        <source>e.g. Kalo district</source>
        <translation>p. ej. Distrito de Kalo</translation>
    </message>
    <message>
        <source>Your &amp;user id:</source>
        <translation>Su identificador de &amp;usuario:</translation>
    </message>
    <message>
        <source>e.g. amina.k — you type it to unlock</source>
        <translation>p. ej. amina.k — lo escribirá para desbloquear</translation>
    </message>
    <message>
        <source>Your &amp;display name:</source>
        <translation>Su nombre &amp;visible:</translation>
    </message>
    <message>
        <source>e.g. Amina Kalo (optional)</source>
        <translation>p. ej. Amina Kalo (opcional)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>At least 8 characters; a few words are easy to remember</source>
        <translation>Al menos 8 caracteres; unas cuantas palabras se recuerdan fácilmente</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>Con&amp;firmar la frase de contraseña:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustez:</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>demasiado corta</translation>
    </message>
    <message>
        <source>Creating the registry and its keys…</source>
        <translation>Creando el registro y sus claves…</translation>
    </message>
    <message>
        <source>Create a De&amp;mo Registry</source>
        <translation>Crear un registro de de&amp;mostración</translation>
    </message>
    <message>
        <source>Write down your recovery key</source>
        <translation>Anote su clave de recuperación</translation>
    </message>
    <message>
        <source>If every administrator forgets their passphrase, this key is the only way to open the registry. It is shown only this once. Write it on paper and keep it somewhere safe, away from this computer.</source>
        <translation>Si todos los administradores olvidan su frase de contraseña, esta clave es la única forma de abrir el registro. Solo se muestra esta vez. Escríbala en papel y guárdela en un lugar seguro, lejos de este equipo.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>I have &amp;written the recovery key down and stored it safely</source>
        <translation>He &amp;anotado la clave de recuperación y la he guardado en un lugar seguro</translation>
    </message>
    <message>
        <source>Just trying FieldLedger out?</source>
        <translation>¿Solo quiere probar FieldLedger?</translation>
    </message>
    <message>
        <source>Creates the registry filled with generated households: names, villages, members, and some later edits and moves</source>
        <translation>Crea el registro lleno de hogares generados: nombres, aldeas, miembros y algunos cambios y traslados posteriores</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — FieldLedger</source>
        <translation>Ajustes — FieldLedger</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Menus, dialogs and messages change at once. Forms show their labels in this language when they have it.</source>
        <translation>Los menús, los cuadros de diálogo y los mensajes cambian al instante. Los formularios muestran sus etiquetas en este idioma cuando lo tienen.</translation>
    </message>
    <message>
        <source>Lock when &amp;idle after:</source>
        <translation>&amp;Bloquear tras inactividad:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>With no keyboard or mouse use for this long, FieldLedger saves open forms as drafts, closes the registry and asks for the passphrase again.</source>
        <translation>Si no se usa el teclado ni el ratón durante este tiempo, FieldLedger guarda los formularios abiertos como borradores, cierra el registro y vuelve a pedir la frase de contraseña.</translation>
    </message>
    <message>
        <source>&amp;Device name:</source>
        <translation>Nombre del &amp;dispositivo:</translation>
    </message>
    <message>
        <source>How this computer is known to your team, for example “Laptop 3 – Kalo team”.</source>
        <translation>El nombre de este equipo para su grupo, por ejemplo «Portátil 3 – equipo Kalo».</translation>
    </message>
</context>
<context>
    <name>SplitHouseholdDialog</name>
    <message>
        <source>Split Household</source>
        <translation>Dividir el hogar</translation>
    </message>
    <message>
        <source>&amp;New household&apos;s name:</source>
        <translation>&amp;Nombre del nuevo hogar:</translation>
    </message>
    <message>
        <source>&amp;Members who leave for the new household:</source>
        <translation>&amp;Miembros que pasan al nuevo hogar:</translation>
    </message>
    <message>
        <source>&amp;Head of the new household:</source>
        <translation>&amp;Jefe del nuevo hogar:</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock — FieldLedger</source>
        <translation>Desbloquear — FieldLedger</translation>
    </message>
    <message>
        <source>Unlock the registry</source>
        <translation>Desbloquear el registro</translation>
    </message>
    <message>
        <source>&amp;Open another registry…</source>
        <translation>&amp;Abrir otro registro…</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>Identificador de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>Clave de &amp;recuperación:</translation>
    </message>
    <message>
        <source>XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX</source>
        <translation>XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>¿Ha olvidado su frase de contraseña?</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirmar la frase de contraseña:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustez:</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AddUserDialog</name>
    <message>
        <source>Add User</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <source>what they type to unlock, e.g. aminata</source>
        <translation>lo que escribe para desbloquear, p. ej. aminata</translation>
    </message>
    <message>
        <source>User &amp;id:</source>
        <translation>&amp;Identificador:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>First &amp;passphrase:</source>
        <translation>Primera &amp;frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirmar la frase de contraseña:</translation>
    </message>
    <message>
        <source>Enter the user&apos;s id.</source>
        <translation>Escriba el identificador del usuario.</translation>
    </message>
    <message>
        <source>The id may not contain spaces or unusual characters.</source>
        <translation>El identificador no puede contener espacios ni caracteres poco habituales.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La frase de contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AnomaliesModel</name>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalía</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ficha</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Event %1 (%2) by %3 — Enter or a double click opens the record&apos;s audit trail</source>
        <translation>Evento %1 (%2) de %3 — Intro o un doble clic abre el historial de auditoría de la ficha</translation>
    </message>
    <message>
        <source>Type mismatch</source>
        <translation>Tipo incompatible</translation>
    </message>
    <message>
        <source>Changed after deletion</source>
        <translation>Modificado tras la eliminación</translation>
    </message>
    <message>
        <source>Unknown record</source>
        <translation>Ficha desconocida</translation>
    </message>
    <message>
        <source>Member without ID</source>
        <translation>Miembro sin ID</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>No es miembro</translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation>Ya existe</translation>
    </message>
    <message>
        <source>Unknown event type</source>
        <translation>Tipo de evento desconocido</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AnomaliesView</name>
    <message>
        <source>The anomalies could not be read: %1</source>
        <translation>No se pudieron leer las anomalías: %1</translation>
    </message>
    <message>
        <source>No anomalies: every event applied as intended.</source>
        <translation>Sin anomalías: cada evento se aplicó como estaba previsto.</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(ies): events that could not apply as intended. Enter or a double click opens the record&apos;s audit trail.</source>
        <translation>
            <numerusform>%n anomalía: un evento que no se pudo aplicar como estaba previsto. Intro o un doble clic abre el historial de auditoría de la ficha.</numerusform>
            <numerusform>%n anomalías: eventos que no se pudieron aplicar como estaba previsto. Intro o un doble clic abre el historial de auditoría de la ficha.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AppSession</name>
    <message>
        <source>Demo Registry — FieldLedger</source>
        <translation>Registro de demostración — FieldLedger</translation>
    </message>
    <message>
        <source>Creating the registry and its keys…</source>
        <translation>Creando el registro y sus claves…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stopping after the households being added…</source>
        <translation>Deteniendo tras los hogares que se están añadiendo…</translation>
    </message>
    <message>
        <source>Demo Registry</source>
        <translation>Registro de demostración</translation>
    </message>
    <message>
        <source>The registry was created, but filling it with households stopped early: %1</source>
        <translation>El registro se creó, pero el llenado con hogares se detuvo antes de terminar: %1</translation>
    </message>
    <message>
        <source>Adding generated households: %1 of %2…</source>
        <translation>Añadiendo hogares generados: %1 de %2…</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>The registry&apos;s events cannot be read: %1</source>
        <translation>No se pueden leer los eventos del registro: %1</translation>
    </message>
    <message>
        <source>The household list cannot be brought up to date: %1</source>
        <translation>No se puede actualizar la lista de hogares: %1</translation>
    </message>
    <message>
        <source>Opening — FieldLedger</source>
        <translation>Apertura — FieldLedger</translation>
    </message>
    <message>
        <source>Bringing the household list up to date…</source>
        <translation>Actualizando la lista de hogares…</translation>
    </message>
    <message>
        <source>Potential duplicates cannot be brought up to date: %1</source>
        <translation>No se pueden actualizar los posibles duplicados: %1</translation>
    </message>
    <message>
        <source>The open form was kept as a draft: resume it here.</source>
        <translation>El formulario abierto se conservó como borrador: reanúdelo aquí.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AssignHouseholdsDialog</name>
    <message>
        <source>Assign Households</source>
        <translation>Asignar hogares</translation>
    </message>
    <message>
        <source>%1 sees the households they registered and those checked here, with their members.</source>
        <translation>%1 ve los hogares que registró y los marcados aquí, con sus miembros.</translation>
    </message>
    <message>
        <source>Search by household, head or village</source>
        <translation>Buscar por hogar, jefe o aldea</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hogares</translation>
    </message>
    <message>
        <source>Save Assignments</source>
        <translation>Guardar las asignaciones</translation>
    </message>
    <message>
        <source>The households cannot be listed: %1</source>
        <translation>No se pueden listar los hogares: %1</translation>
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
        <translation>Ningún hogar coincide con la búsqueda.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n households; type more of a name to find others.</source>
        <translation>
            <numerusform>Se muestra solo %n hogar; escriba más letras de un nombre para encontrar otros.</numerusform>
            <numerusform>Se muestran los primeros %n hogares; escriba más letras de un nombre para encontrar otros.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) assigned.</source>
        <translation>
            <numerusform>%n hogar asignado.</numerusform>
            <numerusform>%n hogares asignados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to save.</source>
        <translation>
            <numerusform>%n cambio por guardar.</numerusform>
            <numerusform>%n cambios por guardar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AuditTrailModel</name>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Tardío</translation>
    </message>
    <message>
        <source>Recorded as %1 (%2)</source>
        <translation>Registrado como %1 (%2)</translation>
    </message>
    <message>
        <source>%1, log sequence %2</source>
        <translation>%1, secuencia del registro de eventos %2</translation>
    </message>
    <message>
        <source>Received by this registry after events that happened later (synced late)</source>
        <translation>Recibido por este registro después de eventos ocurridos más tarde (sincronizado con retraso)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(en blanco)</translation>
    </message>
    <message>
        <source>added: %1</source>
        <translation>añadido: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>retirado: %1</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurado</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Register person</source>
        <translation>Registro de una persona</translation>
    </message>
    <message>
        <source>Update person</source>
        <translation>Actualización de una persona</translation>
    </message>
    <message>
        <source>Register household</source>
        <translation>Registro de un hogar</translation>
    </message>
    <message>
        <source>Update household</source>
        <translation>Actualización de un hogar</translation>
    </message>
    <message>
        <source>Add members</source>
        <translation>Alta de miembros</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>Baja de miembros</translation>
    </message>
    <message>
        <source>Transfer member</source>
        <translation>Traslado de un miembro</translation>
    </message>
    <message>
        <source>Split household</source>
        <translation>División del hogar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <source>Resolve duplicate</source>
        <translation>Resolución de un duplicado</translation>
    </message>
    <message>
        <source>members</source>
        <translation>miembros</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::AuditTrailView</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Search in values…</source>
        <translation>Buscar en los valores…</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Evento:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>No se pudo leer el historial de auditoría: %1</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Todos los usuarios</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 de %n evento</numerusform>
            <numerusform>%1 de %n eventos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ChangeHeadDialog</name>
    <message>
        <source>%1 is the head of %2 now.</source>
        <translation>%1 es ahora el jefe de %2.</translation>
    </message>
    <message>
        <source>%1 has no head of household yet.</source>
        <translation>%1 aún no tiene jefe del hogar.</translation>
    </message>
    <message>
        <source>&amp;Change Head</source>
        <translation>&amp;Cambiar de jefe</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ChangeRoleDialog</name>
    <message>
        <source>Change Role</source>
        <translation>Cambiar el rol</translation>
    </message>
    <message>
        <source>%1 (%2) is now: %3.</source>
        <translation>%1 (%2) es ahora: %3.</translation>
    </message>
    <message>
        <source>Enumerators see the households they registered or were assigned; supervisors see and review everything; administrators also manage users.</source>
        <translation>Los encuestadores ven los hogares que registraron o que se les asignaron; los supervisores lo ven y lo revisan todo; los administradores, además, gestionan los usuarios.</translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation>Nuevo &amp;rol:</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DashboardView</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Count only households registered on or after this day (UTC)</source>
        <translation>Contar solo los hogares registrados este día o después (UTC)</translation>
    </message>
    <message>
        <source>Count only households registered on or before this day (UTC)</source>
        <translation>Contar solo los hogares registrados este día o antes (UTC)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Zona</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Todas las zonas</translation>
    </message>
    <message>
        <source>Registrations per day</source>
        <translation>Registros por día</translation>
    </message>
    <message>
        <source>Registrations per enumerator</source>
        <translation>Registros por encuestador</translation>
    </message>
    <message>
        <source>Households per area</source>
        <translation>Hogares por zona</translation>
    </message>
    <message>
        <source>Household size (members)</source>
        <translation>Tamaño de los hogares (miembros)</translation>
    </message>
    <message>
        <source>Review progress</source>
        <translation>Avance de la revisión</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>(sin zona)</translation>
    </message>
    <message>
        <source>The dashboard shows the whole registry, which only supervisors and administrators may see.</source>
        <translation>El panel muestra todo el registro, que solo pueden ver los supervisores y los administradores.</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: %1</source>
        <translation>No se pudo calcular el panel: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; households · &lt;b&gt;%2&lt;/b&gt; members · &lt;b&gt;%3&lt;/b&gt; areas · &lt;b&gt;%4&lt;/b&gt; events in the log</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; hogares · &lt;b&gt;%2&lt;/b&gt; miembros · &lt;b&gt;%3&lt;/b&gt; zonas · &lt;b&gt;%4&lt;/b&gt; eventos en el registro de eventos</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <source>%1 others</source>
        <translation>%1 más</translation>
    </message>
    <message>
        <source>%1 other areas</source>
        <translation>%1 zonas más</translation>
    </message>
    <message>
        <source>Updating the dashboard…</source>
        <translation>Actualizando el panel…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Update cancelled: the charts show the numbers of the previous update.</source>
        <translation>Actualización cancelada: los gráficos muestran las cifras de la actualización anterior.</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Aprobados: %1</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Señalados: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rechazados: %1</translation>
    </message>
    <message>
        <source>Changed since review: %1</source>
        <translation>Modificados desde la revisión: %1</translation>
    </message>
    <message>
        <source>Never reviewed: %1</source>
        <translation>Nunca revisados: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DeleteHouseholdDialog</name>
    <message numerus="yes">
        <source>The household %1 and its %n member(s) leave the household list. Their records stay in the audit trail, with the reason given here.</source>
        <translation>
            <numerusform>El hogar %1 y su %n miembro salen de la lista de hogares. Sus fichas permanecen en el historial de auditoría, con el motivo indicado aquí.</numerusform>
            <numerusform>El hogar %1 y sus %n miembros salen de la lista de hogares. Sus fichas permanecen en el historial de auditoría, con el motivo indicado aquí.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Elija un motivo…</translation>
    </message>
    <message>
        <source>Registered twice (duplicate)</source>
        <translation>Registrado dos veces (duplicado)</translation>
    </message>
    <message>
        <source>The household no longer exists</source>
        <translation>El hogar ya no existe</translation>
    </message>
    <message>
        <source>Data correction (never a household)</source>
        <translation>Corrección de datos (nunca fue un hogar)</translation>
    </message>
    <message>
        <source>Other reason (say which in the note)</source>
        <translation>Otro motivo (indíquelo en la nota)</translation>
    </message>
    <message>
        <source>Required for a data correction or another reason.</source>
        <translation>Obligatoria para una corrección de datos u otro motivo.</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Give a reason, and a note for a data correction or another reason.</source>
        <translation>Indique un motivo, y una nota para una corrección de datos u otro motivo.</translation>
    </message>
    <message>
        <source>Delete Household</source>
        <translation>Eliminar el hogar</translation>
    </message>
    <message numerus="yes">
        <source>Delete the household %1 and its %n member(s)?</source>
        <translation>
            <numerusform>¿Eliminar el hogar %1 y su %n miembro?</numerusform>
            <numerusform>¿Eliminar el hogar %1 y sus %n miembros?</numerusform>
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
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>%1
Form: %2 (version %3)
Started: %4
Last saved: %5</source>
        <translation>%1
Formulario: %2 (versión %3)
Iniciado: %4
Último guardado: %5</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>Último guardado</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DraftsPage</name>
    <message>
        <source>The drafts could not be read: %1</source>
        <translation>No se pudieron leer los borradores: %1</translation>
    </message>
    <message>
        <source>Discard Draft?</source>
        <translation>¿Descartar el borrador?</translation>
    </message>
    <message>
        <source>Discard the draft “%1”? What was typed into it cannot be brought back.</source>
        <translation>¿Descartar el borrador «%1»? Lo que se escribió en él no se podrá recuperar.</translation>
    </message>
    <message>
        <source>Discard Draft</source>
        <translation>Descartar el borrador</translation>
    </message>
    <message>
        <source>The draft could not be discarded: %1</source>
        <translation>No se pudo descartar el borrador: %1</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Open the form where it was left (Enter)</source>
        <translation>Abrir el formulario donde se dejó (Intro)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Descartar…</translation>
    </message>
    <message>
        <source>Delete the draft (Delete)</source>
        <translation>Eliminar el borrador (Supr)</translation>
    </message>
    <message>
        <source>No drafts</source>
        <translation>No hay borradores</translation>
    </message>
    <message>
        <source>Forms you start are saved here as you type, until you submit them. Nothing typed is lost.</source>
        <translation>Los formularios que empiece se guardan aquí mientras escribe, hasta que los envíe. No se pierde nada de lo escrito.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DuplicatesModel</name>
    <message>
        <source>Name and birth date</source>
        <translation>Nombre y fecha de nacimiento</translation>
    </message>
    <message>
        <source>Name and age</source>
        <translation>Nombre y edad</translation>
    </message>
    <message>
        <source>Household ID number</source>
        <translation>Número de identificación del hogar</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Número de identificación</translation>
    </message>
    <message>
        <source>Household phone</source>
        <translation>Teléfono del hogar</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Detectado</translation>
    </message>
    <message>
        <source>Registered first</source>
        <translation>Registrado primero</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Coincidencia en</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::DuplicatesPage</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>&amp;Conservar ambos</translation>
    </message>
    <message>
        <source>These are different people or households: keep both (Ctrl+Shift+K)</source>
        <translation>Son personas u hogares distintos: conservar ambos (Ctrl+Mayús+K)</translation>
    </message>
    <message>
        <source>&amp;Delete newer…</source>
        <translation>&amp;Eliminar el más reciente…</translation>
    </message>
    <message>
        <source>The same person or household registered twice: delete the one registered later (Ctrl+Shift+Del)</source>
        <translation>La misma persona u hogar registrado dos veces: eliminar el registrado más tarde (Ctrl+Mayús+Supr)</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Conservar ambos</translation>
    </message>
    <message>
        <source>Delete newer</source>
        <translation>Eliminar el más reciente</translation>
    </message>
    <message>
        <source>&amp;Potential duplicates:</source>
        <translation>Posibles &amp;duplicados:</translation>
    </message>
    <message>
        <source>The pair was not resolved: %1</source>
        <translation>No se resolvió el par: %1</translation>
    </message>
    <message>
        <source>Delete newer registration</source>
        <translation>Eliminar el registro más reciente</translation>
    </message>
    <message>
        <source>Delete %1, the one registered later? It stays in the audit trail.
Note (optional):</source>
        <translation>¿Eliminar %1, el registrado más tarde? Permanece en el historial de auditoría.
Nota (opcional):</translation>
    </message>
    <message>
        <source>No potential duplicates wait for review.</source>
        <translation>No hay posibles duplicados pendientes de revisión.</translation>
    </message>
    <message>
        <source>Showing the oldest %1 of %2 pairs.</source>
        <translation>Se muestran los %1 pares más antiguos de %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) to review.</source>
        <translation>
            <numerusform>%n par por revisar.</numerusform>
            <numerusform>%n pares por revisar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered first</source>
        <translation>Registrado primero</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>Choose a pair to compare.</source>
        <translation>Elija un par para compararlo.</translation>
    </message>
    <message>
        <source>Found %1, matched on %2.</source>
        <translation>Detectado el %1, coincidencia en %2.</translation>
    </message>
    <message>
        <source>%1 (newer)</source>
        <translation>%1 (más reciente)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Ficha</translation>
    </message>
    <message>
        <source>Duplicate Rules</source>
        <translation>Reglas de duplicados</translation>
    </message>
    <message>
        <source>A new or changed person or household is flagged when it matches another on any rule checked here. Names are compared without case, accents or word order.</source>
        <translation>Una persona o un hogar nuevo o modificado se señala cuando coincide con otro según alguna de las reglas marcadas aquí. Los nombres se comparan sin tener en cuenta mayúsculas, acentos ni el orden de las palabras.</translation>
    </message>
    <message>
        <source>Same name and &amp;birth date</source>
        <translation>Mismo nombre y misma fecha de &amp;nacimiento</translation>
    </message>
    <message>
        <source>Same name and &amp;age band</source>
        <translation>Mismo nombre y mismo tramo de &amp;edad</translation>
    </message>
    <message>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <source>Same &amp;ID number</source>
        <translation>Mismo número de &amp;identidad</translation>
    </message>
    <message>
        <source>Same &amp;phone number</source>
        <translation>Mismo número de &amp;teléfono</translation>
    </message>
    <message>
        <source> last digits</source>
        <translation> últimas cifras</translation>
    </message>
    <message>
        <source>R&amp;ules…</source>
        <translation>&amp;Reglas…</translation>
    </message>
    <message>
        <source>Which rules flag potential duplicates</source>
        <translation>Qué reglas señalan los posibles duplicados</translation>
    </message>
    <message>
        <source>The duplicate rules cannot be read: %1</source>
        <translation>No se pueden leer las reglas de duplicados: %1</translation>
    </message>
    <message>
        <source>The duplicate rules were not changed: %1</source>
        <translation>No se cambiaron las reglas de duplicados: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ExportDialog</name>
    <message>
        <source>Households (one row each)</source>
        <translation>Hogares (una fila cada uno)</translation>
    </message>
    <message>
        <source>Individuals (one row per member)</source>
        <translation>Personas (una fila por miembro)</translation>
    </message>
    <message>
        <source>Audit log (every change)</source>
        <translation>Registro de auditoría (cada cambio)</translation>
    </message>
    <message>
        <source>Summary report</source>
        <translation>Informe resumido</translation>
    </message>
    <message>
        <source>Household profile (one household)</source>
        <translation>Ficha del hogar (un hogar)</translation>
    </message>
    <message>
        <source>Workbook (households, individuals, audit log, summary)</source>
        <translation>Libro (hogares, personas, registro de auditoría, resumen)</translation>
    </message>
    <message>
        <source>Events, as stored (backup, re-importable)</source>
        <translation>Eventos, tal como se guardan (copia de seguridad, reimportable)</translation>
    </message>
    <message>
        <source>Entities (JSON)</source>
        <translation>Entidades (JSON)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>Ex&amp;portar</translation>
    </message>
    <message>
        <source>CSV (comma-separated text)</source>
        <translation>CSV (texto separado por comas)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Libro de Excel (XLSX)</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>Informe PDF</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>Archivos %1 (*.%2)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Elija dónde guardar la exportación.</translation>
    </message>
    <message>
        <source>Enter the ID of the household to print.</source>
        <translation>Escriba el ID del hogar que se imprimirá.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Saved the report to %1.</source>
        <translation>Informe guardado en %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to %1.</source>
        <translation>
            <numerusform>Se exportó %n fila a %1.</numerusform>
            <numerusform>Se exportaron %n filas a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled. No file was written, and an existing file was left as it was.</source>
        <translation>Exportación cancelada. No se escribió ningún archivo y un archivo existente se dejó como estaba.</translation>
    </message>
    <message>
        <source>Exports are for supervisors and administrators: nothing was written.</source>
        <translation>Las exportaciones son para supervisores y administradores: no se escribió nada.</translation>
    </message>
    <message>
        <source>The export failed: %1. No file was written.</source>
        <translation>La exportación falló: %1. No se escribió ningún archivo.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::FieldEditor</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1 (no disponible)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>e.g. 12.6392</source>
        <translation>p. ej. 12.6392</translation>
    </message>
    <message>
        <source>e.g. -8.0029</source>
        <translation>p. ej. -8.0029</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Choose the date on a calendar</source>
        <translation>Elegir la fecha en un calendario</translation>
    </message>
    <message>
        <source>An answer is required</source>
        <translation>Se requiere una respuesta</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatorio)</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::FormDialog</name>
    <message>
        <source>Discard Changes</source>
        <translation>Descartar los cambios</translation>
    </message>
    <message>
        <source>Close the form and lose what you entered in it?</source>
        <translation>¿Cerrar el formulario y perder lo que ha escrito en él?</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::FormView</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Anterior</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>Next section (Enter on the last field)</source>
        <translation>Sección siguiente (Intro en el último campo)</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Submit the form (Ctrl+Enter)</source>
        <translation>Enviar el formulario (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Leave the form (Esc)</source>
        <translation>Salir del formulario (Esc)</translation>
    </message>
    <message>
        <source>&amp;Issues</source>
        <translation>&amp;Problemas</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>&amp;Respuestas</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n.</source>
        <translation>
            <numerusform>Problema que corregir antes de poder enviar el formulario: %n.</numerusform>
            <numerusform>Problemas que corregir antes de poder enviar el formulario: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The form could not be submitted.</source>
        <translation>No se pudo enviar el formulario.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Everything needed is answered. Check the answers, then submit.</source>
        <translation>Todo lo necesario está respondido. Revise las respuestas y envíe.</translation>
    </message>
    <message numerus="yes">
        <source>Entries: %n</source>
        <translation>
            <numerusform>Entradas: %n</numerusform>
            <numerusform>Entradas: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>Entrada %1</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n. Click one, or press Enter on it, to go to its field.</source>
        <translation>
            <numerusform>Problema que corregir antes de poder enviar el formulario: %n. Haga clic en él, o pulse Intro, para ir a su campo.</numerusform>
            <numerusform>Problemas que corregir antes de poder enviar el formulario: %n. Haga clic en uno, o pulse Intro sobre él, para ir a su campo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdDetail</name>
    <message>
        <source>&amp;Edit Household…</source>
        <translation>&amp;Editar el hogar…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Correct the household&apos;s name, location or phone (F2)</source>
        <translation>Corregir el nombre, la ubicación o el teléfono del hogar (F2)</translation>
    </message>
    <message>
        <source>&amp;Add Member…</source>
        <translation>&amp;Añadir un miembro…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Register someone who joined the household (Insert)</source>
        <translation>Registrar a alguien que se incorporó al hogar (Insert)</translation>
    </message>
    <message>
        <source>Edit &amp;Member…</source>
        <translation>Editar el mie&amp;mbro…</translation>
    </message>
    <message>
        <source>Correct the selected member&apos;s details (Enter)</source>
        <translation>Corregir los datos del miembro seleccionado (Intro)</translation>
    </message>
    <message>
        <source>&amp;Remove Member…</source>
        <translation>&amp;Quitar el miembro…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>The selected member left the household: say why (Delete)</source>
        <translation>El miembro seleccionado dejó el hogar: indique por qué (Supr)</translation>
    </message>
    <message>
        <source>Mo&amp;ve to Another Household…</source>
        <translation>&amp;Trasladar a otro hogar…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Trasladar…</translation>
    </message>
    <message>
        <source>The selected member now lives in another household</source>
        <translation>El miembro seleccionado vive ahora en otro hogar</translation>
    </message>
    <message>
        <source>S&amp;plit Household…</source>
        <translation>D&amp;ividir el hogar…</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Dividir…</translation>
    </message>
    <message>
        <source>Some members form a household of their own</source>
        <translation>Algunos miembros forman su propio hogar</translation>
    </message>
    <message>
        <source>Change &amp;Head…</source>
        <translation>Cambiar de &amp;jefe…</translation>
    </message>
    <message>
        <source>Change Head…</source>
        <translation>Cambiar de jefe…</translation>
    </message>
    <message>
        <source>Another member becomes the head of household</source>
        <translation>Otro miembro pasa a ser el jefe del hogar</translation>
    </message>
    <message>
        <source>&amp;Delete Household…</source>
        <translation>E&amp;liminar el hogar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Remove the household from the list (it stays in the audit trail)</source>
        <translation>Quitar el hogar de la lista (permanece en el historial de auditoría)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Age or birth date</source>
        <translation>Edad o fecha de nacimiento</translation>
    </message>
    <message>
        <source>Relationship to the head</source>
        <translation>Parentesco con el jefe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Select a household to see its members and what can be done with it.</source>
        <translation>Seleccione un hogar para ver sus miembros y lo que se puede hacer con él.</translation>
    </message>
    <message>
        <source>This household cannot be shown: %1</source>
        <translation>No se puede mostrar este hogar: %1</translation>
    </message>
    <message>
        <source>This household is not in the registry.</source>
        <translation>Este hogar no está en el registro.</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (eliminado)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>by %1 on %2</source>
        <translation>por %1 el %2</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Última actualización</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message>
        <source>Former head</source>
        <translation>Antiguo jefe</translation>
    </message>
    <message>
        <source>Form Missing</source>
        <translation>Falta el formulario</translation>
    </message>
    <message>
        <source>The form “%1” is not installed.</source>
        <translation>El formulario «%1» no está instalado.</translation>
    </message>
    <message>
        <source>New member of %1</source>
        <translation>Nuevo miembro de %1</translation>
    </message>
    <message>
        <source>%1, member of %2</source>
        <translation>%1, miembro de %2</translation>
    </message>
    <message>
        <source>%1 leaves the household %2</source>
        <translation>%1 deja el hogar %2</translation>
    </message>
    <message>
        <source>Member &amp;History…</source>
        <translation>Histo&amp;rial del miembro…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historial…</translation>
    </message>
    <message>
        <source>Who changed the selected member, what, when and why (Ctrl+Shift+H)</source>
        <translation>Quién cambió al miembro seleccionado, qué, cuándo y por qué (Ctrl+Mayús+H)</translation>
    </message>
    <message>
        <source>&amp;Household</source>
        <translation>&amp;Hogar</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>His&amp;torial</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Historial de %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdModel</name>
    <message>
        <source>Registered by %1 on %2</source>
        <translation>Registrado por %1 el %2</translation>
    </message>
    <message>
        <source>Last change to the household or one of its members</source>
        <translation>Último cambio del hogar o de uno de sus miembros</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Jefe del hogar</translation>
    </message>
    <message>
        <source>Village or area</source>
        <translation>Aldea o zona</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Última actualización</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdProfileReport</name>
    <message>
        <source>Household profile</source>
        <translation>Ficha del hogar</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>A fecha de %1</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Estado actual</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>Impreso el %1 por %2</translation>
    </message>
    <message>
        <source>This household was deleted. It is kept, with its history, in the registry.</source>
        <translation>Este hogar se eliminó. Se conserva, con su historial, en el registro.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Household ID</source>
        <translation>ID del hogar</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Última actualización</translation>
    </message>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation>
            <numerusform>Miembros (%n)</numerusform>
            <numerusform>Miembros (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No members.</source>
        <translation>Sin miembros.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Birth date / age</source>
        <translation>Fecha de nacimiento / edad</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>ID del miembro</translation>
    </message>
    <message>
        <source>%1 (arrived late)</source>
        <translation>%1 (llegó con retraso)</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Log size</source>
        <translation>Tamaño del registro de eventos</translation>
    </message>
    <message>
        <source>Log root</source>
        <translation>Raíz del registro de eventos</translation>
    </message>
    <message>
        <source>Household&apos;s last event</source>
        <translation>Último evento del hogar</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>sequence %1</source>
        <translation>secuencia %1</translation>
    </message>
    <message>
        <source>Its event ID</source>
        <translation>ID de ese evento</translation>
    </message>
    <message>
        <source>To check this paper against the registry later: &quot;fieldledger-cli log root --size %1&quot; prints the root above, and &quot;fieldledger-cli log proof %2 --size %1&quot; proves that the household&apos;s last event is part of that log. A registry whose log no longer gives this root has been rewritten.</source>
        <translation>Para cotejar más tarde este documento con el registro: «fieldledger-cli log root --size %1» muestra la raíz indicada arriba, y «fieldledger-cli log proof %2 --size %1» demuestra que el último evento del hogar forma parte de ese registro de eventos. Un registro cuyo registro de eventos ya no da esta raíz ha sido reescrito.</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>(ilegible)</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 años</translation>
    </message>
    <message>
        <source>%1 (%2 years)</source>
        <translation>%1 (%2 años)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>%1 (household)</source>
        <translation>%1 (hogar)</translation>
    </message>
    <message>
        <source>joined: %1</source>
        <translation>se incorporó: %1</translation>
    </message>
    <message>
        <source>left: %1</source>
        <translation>salió: %1</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>restaurado</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 retirado</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motivo: %1</translation>
    </message>
    <message numerus="yes">
        <source>History (events: %n)</source>
        <translation>
            <numerusform>Historial (eventos: %n)</numerusform>
            <numerusform>Historial (eventos: %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::HouseholdsPage</name>
    <message>
        <source>The list cannot be read: %1</source>
        <translation>No se puede leer la lista: %1</translation>
    </message>
    <message>
        <source>The forms cannot be loaded: %1</source>
        <translation>No se pueden cargar los formularios: %1</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hogares</translation>
    </message>
    <message>
        <source>Find households by name, head or village…</source>
        <translation>Buscar hogares por nombre, jefe o aldea…</translation>
    </message>
    <message>
        <source>Find households</source>
        <translation>Buscar hogares</translation>
    </message>
    <message>
        <source>&amp;Register a Household…</source>
        <translation>&amp;Registrar un hogar…</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Columnas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln household(s)</source>
        <translation>
            <numerusform>%Ln hogar</numerusform>
            <numerusform>%Ln hogares</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln found</source>
        <translation>
            <numerusform>%Ln encontrado</numerusform>
            <numerusform>%Ln encontrados</numerusform>
        </translation>
    </message>
    <message>
        <source>No household matches “%1”</source>
        <translation>Ningún hogar coincide con «%1»</translation>
    </message>
    <message>
        <source>No households yet</source>
        <translation>Aún no hay hogares</translation>
    </message>
    <message>
        <source>Search looks at household names, heads and villages; accents and capitals do not matter.</source>
        <translation>La búsqueda mira los nombres de los hogares, los jefes y las aldeas; los acentos y las mayúsculas no importan.</translation>
    </message>
    <message>
        <source>Households registered in %1 will be listed here.</source>
        <translation>Los hogares registrados en %1 aparecerán aquí.</translation>
    </message>
    <message>
        <source>Form Missing</source>
        <translation>Falta el formulario</translation>
    </message>
    <message>
        <source>The household registration form is not installed.</source>
        <translation>El formulario de registro de hogares no está instalado.</translation>
    </message>
    <message>
        <source>New household — submit with Ctrl+Enter, leave with Esc</source>
        <translation>Nuevo hogar — enviar con Ctrl+Intro, salir con Esc</translation>
    </message>
    <message>
        <source>Discard Household</source>
        <translation>Descartar el hogar</translation>
    </message>
    <message>
        <source>Leave the registration form and lose what you entered in it?</source>
        <translation>¿Salir del formulario de registro y perder lo que ha escrito en él?</translation>
    </message>
    <message>
        <source>more than %L1 found</source>
        <translation>más de %L1 encontrados</translation>
    </message>
    <message>
        <source>As of a Date…</source>
        <translation>A una fecha…</translation>
    </message>
    <message>
        <source>Every household as it was at a chosen moment (Ctrl+Shift+T)</source>
        <translation>Todos los hogares tal como estaban en un momento elegido (Ctrl+Mayús+T)</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::IntegrityPanel</name>
    <message>
        <source>Event log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Eventos:</translation>
    </message>
    <message>
        <source>Root:</source>
        <translation>Raíz:</translation>
    </message>
    <message>
        <source>Latest signed checkpoint:</source>
        <translation>Último punto de control firmado:</translation>
    </message>
    <message>
        <source>Checkpoint root:</source>
        <translation>Raíz del punto de control:</translation>
    </message>
    <message>
        <source>Device key fingerprint:</source>
        <translation>Huella de la clave del dispositivo:</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>&amp;Verify now</source>
        <translation>&amp;Verificar ahora</translation>
    </message>
    <message>
        <source>Recompute every event&apos;s hash, the Merkle tree and the root, and check the signed checkpoint</source>
        <translation>Recalcular el hash de cada evento, el árbol de Merkle y la raíz, y comprobar el punto de control firmado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Not verified in this session.</source>
        <translation>No verificado en esta sesión.</translation>
    </message>
    <message>
        <source>Prove this record</source>
        <translation>Demostrar este registro</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>ID del evento</translation>
    </message>
    <message>
        <source>&amp;Prove</source>
        <translation>&amp;Demostrar</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Save the proof as JSON, as `fieldledger-cli log proof` prints it</source>
        <translation>Guardar la prueba en JSON, tal como la muestra `fieldledger-cli log proof`</translation>
    </message>
    <message>
        <source>Enter an event ID, or select an event in an audit trail, then Prove.</source>
        <translation>Escriba el ID de un evento, o seleccione un evento en un historial de auditoría, y luego Demostrar.</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>E&amp;vento:</translation>
    </message>
    <message>
        <source>INTEGRITY ALARM</source>
        <translation>ALARMA DE INTEGRIDAD</translation>
    </message>
    <message>
        <source>Changes are refused until this is resolved.</source>
        <translation>Se rechazan los cambios hasta que esto se resuelva.</translation>
    </message>
    <message>
        <source>An administrator must acknowledge this alarm.</source>
        <translation>Un administrador debe dar por enterada esta alarma.</translation>
    </message>
    <message>
        <source>Cannot be read: %1</source>
        <translation>No se puede leer: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), signed %1</source>
        <translation>
            <numerusform>%n evento, firmado el %1</numerusform>
            <numerusform>%n eventos, firmado el %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>None yet (one is signed when the registry is closed)</source>
        <translation>Ninguno aún (se firma uno al cerrar el registro)</translation>
    </message>
    <message>
        <source>(no device key)</source>
        <translation>(sin clave de dispositivo)</translation>
    </message>
    <message>
        <source>Public key: %1</source>
        <translation>Clave pública: %1</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Verificación cancelada.</translation>
    </message>
    <message>
        <source>Verification could not run: %1</source>
        <translation>No se pudo ejecutar la verificación: %1</translation>
    </message>
    <message>
        <source>OK — all %1 events, the Merkle tree and the signed checkpoint verify.</source>
        <translation>OK — los %1 eventos, el árbol de Merkle y el punto de control firmado se verifican.</translation>
    </message>
    <message>
        <source>Root %1</source>
        <translation>Raíz %1</translation>
    </message>
    <message>
        <source>FAILED at event %1 (sequence %2)</source>
        <translation>FALLO en el evento %1 (secuencia %2)</translation>
    </message>
    <message>
        <source>FAILED at sequence %1</source>
        <translation>FALLO en la secuencia %1</translation>
    </message>
    <message>
        <source>FAILED: the signed checkpoint</source>
        <translation>FALLO: el punto de control firmado</translation>
    </message>
    <message>
        <source>Enter the ID of an event.</source>
        <translation>Escriba el ID de un evento.</translation>
    </message>
    <message>
        <source>No event %1 in this registry&apos;s log.</source>
        <translation>No hay ningún evento %1 en el registro de eventos de este registro.</translation>
    </message>
    <message>
        <source>No proof: %1</source>
        <translation>Sin prueba: %1</translation>
    </message>
    <message>
        <source>Event:       %1</source>
        <translation>Evento:      %1</translation>
    </message>
    <message>
        <source>Leaf index:  %1</source>
        <translation>Índice hoja: %1</translation>
    </message>
    <message>
        <source>Tree size:   %1</source>
        <translation>Tamaño:      %1</translation>
    </message>
    <message>
        <source>Root:        %1</source>
        <translation>Raíz:        %1</translation>
    </message>
    <message>
        <source>Leaf hash:   %1</source>
        <translation>Hash hoja:   %1</translation>
    </message>
    <message numerus="yes">
        <source>Audit path (%n hash(es), the leaf&apos;s sibling first):</source>
        <translation>
            <numerusform>Camino de auditoría (%n hash, primero el hermano de la hoja):</numerusform>
            <numerusform>Camino de auditoría (%n hashes, primero el hermano de la hoja):</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked here (RFC 9162): the path leads from the leaf to the root.</source>
        <translation>Comprobado aquí (RFC 9162): el camino lleva de la hoja a la raíz.</translation>
    </message>
    <message>
        <source>The proof does not lead to the root: %1</source>
        <translation>La prueba no lleva a la raíz: %1</translation>
    </message>
    <message>
        <source>Prove an event first.</source>
        <translation>Demuestre primero un evento.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Proof of %1 saved to %2.</source>
        <translation>Prueba de %1 guardada en %2.</translation>
    </message>
    <message>
        <source>Export Proof</source>
        <translation>Exportar la prueba</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Integrity Alarm</source>
        <translation>Alarma de integridad</translation>
    </message>
    <message>
        <source>The alarm could not be acknowledged: %1</source>
        <translation>No se pudo dar por enterada la alarma: %1</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Dar por enterado…</translation>
    </message>
    <message>
        <source>Acknowledge the Integrity Alarm</source>
        <translation>Dar por enterada la alarma de integridad</translation>
    </message>
    <message>
        <source>Accept the event log as it is now and allow changes again? A signed checkpoint will record that you acknowledged the alarm.</source>
        <translation>¿Aceptar el registro de eventos tal como está ahora y volver a permitir cambios? Un punto de control firmado dejará constancia de que dio por enterada la alarma.</translation>
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
        <translation>&amp;Nuevo hogar…</translation>
    </message>
    <message>
        <source>Register a new household</source>
        <translation>Registrar un hogar nuevo</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Close the registry and ask for a passphrase again</source>
        <translation>Cerrar el registro y volver a pedir una frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Find households by name or identifier</source>
        <translation>Buscar hogares por nombre o identificador</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>Mostrar la barra &amp;lateral</translation>
    </message>
    <message>
        <source>&amp;About FieldLedger</source>
        <translation>&amp;Acerca de FieldLedger</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hogares</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Find households…</source>
        <translation>Buscar hogares…</translation>
    </message>
    <message>
        <source>Find households</source>
        <translation>Buscar hogares</translation>
    </message>
    <message>
        <source>No households yet</source>
        <translation>Aún no hay hogares</translation>
    </message>
    <message>
        <source>Households registered in %1 will be listed here.</source>
        <translation>Los hogares registrados en %1 aparecerán aquí.</translation>
    </message>
    <message>
        <source>No drafts</source>
        <translation>No hay borradores</translation>
    </message>
    <message>
        <source>Forms you save before submitting them wait here until you finish them.</source>
        <translation>Los formularios guardados antes de enviarlos esperan aquí hasta que los termine.</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldLedger %1&lt;/h3&gt;&lt;p&gt;Offline household registration for enumerators, supervisors and administrators.&lt;/p&gt;&lt;p&gt;Every form you submit is kept as an event that is never changed, in an encrypted registry whose log shows any tampering.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldLedger %1&lt;/h3&gt;&lt;p&gt;Registro de hogares sin conexión para encuestadores, supervisores y administradores.&lt;/p&gt;&lt;p&gt;Cada formulario enviado se conserva como un evento que nunca se modifica, en un registro cifrado cuyo registro de eventos revela cualquier manipulación.&lt;/p&gt;</translation>
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
        <translation>Acerca de FieldLedger</translation>
    </message>
    <message>
        <source>S&amp;ubmit Form</source>
        <translation>E&amp;nviar el formulario</translation>
    </message>
    <message>
        <source>Submit the form once it has no issues</source>
        <translation>Enviar el formulario cuando no tenga problemas</translation>
    </message>
    <message>
        <source>Save &amp;Draft</source>
        <translation>Guardar el &amp;borrador</translation>
    </message>
    <message>
        <source>Keep the form as it is, to finish it later</source>
        <translation>Conservar el formulario tal como está para terminarlo más tarde</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export households, individuals, events or reports (CSV, XLSX, JSON Lines, PDF)</source>
        <translation>Exportar hogares, personas, eventos o informes (CSV, XLSX, JSON Lines, PDF)</translation>
    </message>
    <message>
        <source>&amp;Audit Trail of the Household</source>
        <translation>&amp;Historial de auditoría del hogar</translation>
    </message>
    <message>
        <source>Who changed what, when and why, for the selected household</source>
        <translation>Quién cambió qué, cuándo y por qué, en el hogar seleccionado</translation>
    </message>
    <message>
        <source>&amp;Time Travel…</source>
        <translation>&amp;Viaje en el tiempo…</translation>
    </message>
    <message>
        <source>The selected household as it was at any moment</source>
        <translation>El hogar seleccionado tal como estaba en cualquier momento</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalías</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integridad</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Select a household first.</source>
        <translation>Seleccione primero un hogar.</translation>
    </message>
    <message>
        <source>Time travel</source>
        <translation>Viaje en el tiempo</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Historial de auditoría</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>Language, idle lock and this computer&apos;s name</source>
        <translation>Idioma, bloqueo por inactividad y nombre de este equipo</translation>
    </message>
    <message>
        <source>Integrity alarm</source>
        <translation>Alarma de integridad</translation>
    </message>
    <message>
        <source>Nothing can be changed until an administrator acknowledges the alarm.</source>
        <translation>No se puede cambiar nada hasta que un administrador dé por enterada la alarma.</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Dar por enterado…</translation>
    </message>
    <message>
        <source>Acknowledge the Integrity Alarm</source>
        <translation>Dar por enterada la alarma de integridad</translation>
    </message>
    <message>
        <source>Accept the event log as it is now and allow changes again? A signed checkpoint will record that you acknowledged the alarm.</source>
        <translation>¿Aceptar el registro de eventos tal como está ahora y volver a permitir cambios? Un punto de control firmado dejará constancia de que dio por enterada la alarma.</translation>
    </message>
    <message>
        <source>Integrity Alarm</source>
        <translation>Alarma de integridad</translation>
    </message>
    <message>
        <source>The alarm could not be acknowledged: %1</source>
        <translation>No se pudo dar por enterada la alarma: %1</translation>
    </message>
    <message>
        <source>Alarm acknowledged: changes are allowed again.</source>
        <translation>Alarma dada por enterada: se vuelven a permitir los cambios.</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>No se pudo guardar el borrador: %1</translation>
    </message>
    <message>
        <source>The draft could not be read: %1</source>
        <translation>No se pudo leer el borrador: %1</translation>
    </message>
    <message>
        <source>That draft is not there any more.</source>
        <translation>Ese borrador ya no existe.</translation>
    </message>
    <message>
        <source>Finish or leave the registration form first, then resume the draft.</source>
        <translation>Termine o salga primero del formulario de registro y después reanude el borrador.</translation>
    </message>
    <message>
        <source>The household of that draft is not in the registry any more; discard the draft.</source>
        <translation>El hogar de ese borrador ya no está en el registro; descarte el borrador.</translation>
    </message>
    <message>
        <source>The form of that draft cannot be opened any more; discard the draft.</source>
        <translation>El formulario de ese borrador ya no se puede abrir; descarte el borrador.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Registry As Of…</source>
        <translation>&amp;Registro a una fecha…</translation>
    </message>
    <message>
        <source>Every household as it was at a chosen moment</source>
        <translation>Todos los hogares tal como estaban en un momento elegido</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::MoveMemberDialog</name>
    <message>
        <source>Move %1 from the household %2 to the household chosen below.</source>
        <translation>Trasladar a %1 del hogar %2 al hogar elegido abajo.</translation>
    </message>
    <message>
        <source>Moved to live there</source>
        <translation>Se mudó allí</translation>
    </message>
    <message>
        <source>Married into that household</source>
        <translation>Se casó en ese hogar</translation>
    </message>
    <message>
        <source>Data correction (registered in the wrong household)</source>
        <translation>Corrección de datos (registrado en el hogar equivocado)</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Trasladar</translation>
    </message>
    <message>
        <source>This is the household the member is in now: choose another one.</source>
        <translation>Este es el hogar en el que está ahora el miembro: elija otro.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RegistryAsOfDialog</name>
    <message>
        <source>Registry as of a date</source>
        <translation>El registro a una fecha</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>&amp;A fecha de:</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Filter by name, head or village…</source>
        <translation>Filtrar por nombre, jefe o aldea…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose a moment and press Show.</source>
        <translation>Elija un momento y pulse Mostrar.</translation>
    </message>
    <message>
        <source>Reading the registry as of %1…</source>
        <translation>Leyendo el registro a %1…</translation>
    </message>
    <message>
        <source>Reading the registry as of %1… %2 records</source>
        <translation>Leyendo el registro a %1… %2 registros</translation>
    </message>
    <message>
        <source>Cancelled: the list shows what was read before.</source>
        <translation>Cancelado: la lista muestra lo que se había leído.</translation>
    </message>
    <message>
        <source>The registry could not be read as of that moment: %1</source>
        <translation>No se pudo leer el registro en ese momento: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) as of %1. Enter or a double click shows one as it was then.</source>
        <translation>
            <numerusform>%n hogar a %1. Intro o un doble clic lo muestra tal como estaba entonces.</numerusform>
            <numerusform>%n hogares a %1. Intro o un doble clic muestra uno tal como estaba entonces.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RegistryAsOfModel</name>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Jefe del hogar</translation>
    </message>
    <message>
        <source>Village or area</source>
        <translation>Aldea o zona</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RegistrySetupDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source> households</source>
        <translation> hogares</translation>
    </message>
    <message>
        <source>Households in the demo registry</source>
        <translation>Hogares del registro de demostración</translation>
    </message>
    <message>
        <source>Co&amp;ntinue</source>
        <translation>Co&amp;ntinuar</translation>
    </message>
    <message>
        <source>It will be saved as %1</source>
        <translation>Se guardará como %1</translation>
    </message>
    <message>
        <source>Enter a name for the registry.</source>
        <translation>Escriba un nombre para el registro.</translation>
    </message>
    <message>
        <source>Choose the user id you will type to unlock the registry.</source>
        <translation>Elija el identificador que escribirá para desbloquear el registro.</translation>
    </message>
    <message>
        <source>Choose a passphrase.</source>
        <translation>Elija una frase de contraseña.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La frase de contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>Type the passphrase again to confirm it.</source>
        <translation>Escriba de nuevo la frase de contraseña para confirmarla.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Passphrase strength: %1</source>
        <translation>Robustez de la frase de contraseña: %1</translation>
    </message>
    <message>
        <source>The registry could not be created. %1</source>
        <translation>No se pudo crear el registro. %1</translation>
    </message>
    <message>
        <source>Recovery Key — FieldLedger</source>
        <translation>Clave de recuperación — FieldLedger</translation>
    </message>
    <message>
        <source>Demo registry</source>
        <translation>Registro de demostración</translation>
    </message>
    <message>
        <source>Copied. Paste it where it is safe, then copy something else over it.</source>
        <translation>Copiada. Péguela en un lugar seguro y después copie otra cosa encima.</translation>
    </message>
    <message>
        <source>Continue Without the Recovery Key?</source>
        <translation>¿Continuar sin la clave de recuperación?</translation>
    </message>
    <message>
        <source>The recovery key will not be shown again. Without it, a registry whose administrators have all forgotten their passphrases cannot be opened by anyone.

Continue without writing it down?</source>
        <translation>La clave de recuperación no se volverá a mostrar. Sin ella, nadie podrá abrir un registro cuyos administradores hayan olvidado todos su frase de contraseña.

¿Continuar sin anotarla?</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ResetPassphraseDialog</name>
    <message>
        <source>Reset Passphrase</source>
        <translation>Restablecer la frase de contraseña</translation>
    </message>
    <message>
        <source>Choose a new passphrase for %1 and give it to them in person. Their old passphrase stops working at once.</source>
        <translation>Elija una nueva frase de contraseña para %1 y entréguesela en persona. Su antigua frase de contraseña deja de funcionar de inmediato.</translation>
    </message>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>Nueva &amp;frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirmar la frase de contraseña:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustez:</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>La frase de contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ReviewPage</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <source>Approve the selected submission (Ctrl+Shift+A)</source>
        <translation>Aprobar el envío seleccionado (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <source>&amp;Flag…</source>
        <translation>&amp;Señalar…</translation>
    </message>
    <message>
        <source>Flag the selected submission with a comment</source>
        <translation>Señalar el envío seleccionado con un comentario</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Rechazar…</translation>
    </message>
    <message>
        <source>Reject the selected submission with a reason</source>
        <translation>Rechazar el envío seleccionado con un motivo</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Flag %1</source>
        <translation>Señalar %1</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>Rechazar %1</translation>
    </message>
    <message>
        <source>What should the enumerator look at?</source>
        <translation>¿Qué debe revisar el encuestador?</translation>
    </message>
    <message>
        <source>Why is this submission rejected?</source>
        <translation>¿Por qué se rechaza este envío?</translation>
    </message>
    <message>
        <source>A flag needs a comment.</source>
        <translation>Un señalamiento necesita un comentario.</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>Un rechazo necesita un motivo.</translation>
    </message>
    <message>
        <source>The decision was not recorded: %1</source>
        <translation>No se registró la decisión: %1</translation>
    </message>
    <message>
        <source>%1 awaiting review · %2 flagged · %3 rejected · %4 approved</source>
        <translation>%1 pendientes · %2 señalados · %3 rechazados · %4 aprobados</translation>
    </message>
    <message>
        <source>Correct a Field of %1</source>
        <translation>Corregir un campo de %1</translation>
    </message>
    <message>
        <source>Why the value changes (required)</source>
        <translation>Por qué cambia el valor (obligatorio)</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Campo:</translation>
    </message>
    <message>
        <source>New &amp;value:</source>
        <translation>Nuevo &amp;valor:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Correct Field…</source>
        <translation>&amp;Corregir un campo…</translation>
    </message>
    <message>
        <source>Set one field of the selected household to a new value, with a reason</source>
        <translation>Dar un nuevo valor a un campo del hogar seleccionado, con un motivo</translation>
    </message>
    <message>
        <source>The household cannot be read: %1</source>
        <translation>No se puede leer el hogar: %1</translation>
    </message>
    <message>
        <source>it is not in the registry</source>
        <translation>no está en el registro</translation>
    </message>
    <message>
        <source>The household has no field that can be corrected here.</source>
        <translation>El hogar no tiene ningún campo que pueda corregirse aquí.</translation>
    </message>
    <message>
        <source>The correction was not recorded: %1</source>
        <translation>La corrección no se registró: %1</translation>
    </message>
    <message>
        <source>%1 holds a number: “%2” is not one.</source>
        <translation>%1 contiene un número: «%2» no lo es.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::ReviewQueueModel</name>
    <message>
        <source>Awaiting review</source>
        <translation>Pendiente de revisión</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Señalado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Reviewed by %1 on %2</source>
        <translation>Revisado por %1 el %2</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <source>%1, changed since</source>
        <translation>%1, modificado desde entonces</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Last decision</source>
        <translation>Última decisión</translation>
    </message>
    <message>
        <source>Comment or reason</source>
        <translation>Comentario o motivo</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RosterModel</name>
    <message>
        <source>No more entries can be added here.</source>
        <translation>No se pueden añadir más entradas aquí.</translation>
    </message>
    <message>
        <source>There is no such entry.</source>
        <translation>Esa entrada no existe.</translation>
    </message>
    <message>
        <source>This entry cannot be removed.</source>
        <translation>Esta entrada no se puede quitar.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Issues: %n</source>
        <translation>
            <numerusform>Problemas: %n</numerusform>
            <numerusform>Problemas: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::RosterWidget</name>
    <message>
        <source>Entry %1 of %2</source>
        <translation>Entrada %1 de %2</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Add an entry (Insert or Ctrl+Shift+N)</source>
        <translation>Añadir una entrada (Insert o Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected entry (Delete in the table)</source>
        <translation>Quitar la entrada seleccionada (Supr en la tabla)</translation>
    </message>
    <message>
        <source>No entries yet. Add one with Insert or Ctrl+Shift+N.</source>
        <translation>Aún no hay entradas. Añada una con Insert o Ctrl+Mayús+N.</translation>
    </message>
    <message numerus="yes">
        <source>Entries: %n</source>
        <translation>
            <numerusform>Entradas: %n</numerusform>
            <numerusform>Entradas: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No more entries can be added: the limit is %n.</source>
        <translation>
            <numerusform>No se pueden añadir más entradas: el límite es %n.</numerusform>
            <numerusform>No se pueden añadir más entradas: el límite es %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry can be added here.</source>
        <translation>No se puede añadir ninguna entrada aquí.</translation>
    </message>
    <message numerus="yes">
        <source>This entry cannot be removed: at least %n must stay.</source>
        <translation>
            <numerusform>Esta entrada no se puede quitar: debe quedar al menos %n.</numerusform>
            <numerusform>Esta entrada no se puede quitar: deben quedar al menos %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>This entry cannot be removed.</source>
        <translation>Esta entrada no se puede quitar.</translation>
    </message>
    <message>
        <source>Remove Entry</source>
        <translation>Quitar la entrada</translation>
    </message>
    <message>
        <source>Remove entry %1 and everything entered for it?</source>
        <translation>¿Quitar la entrada %1 y todo lo que se ha escrito en ella?</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::SettingsDialog</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Minutes without input before the registry locks</source>
        <translation>Minutos sin actividad antes de bloquear el registro</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nombre del dispositivo</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::SplitHouseholdDialog</name>
    <message>
        <source>Some members of %1 form a household of their own. It keeps the location of %1.</source>
        <translation>Algunos miembros de %1 forman su propio hogar. Conserva la ubicación de %1.</translation>
    </message>
    <message>
        <source>Head of this household</source>
        <translation>Jefe de este hogar</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Dividir</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Name the new household and tick at least one member who leaves.</source>
        <translation>Ponga nombre al nuevo hogar y marque al menos un miembro que se va.</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::StrengthMeter</name>
    <message>
        <source>Passphrase strength: %1</source>
        <translation>Robustez de la frase de contraseña: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::SummaryReport</name>
    <message>
        <source>Registry summary</source>
        <translation>Resumen del registro</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>A fecha de %1</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Estado actual</translation>
    </message>
    <message>
        <source>Only households registered %1</source>
        <translation>Solo los hogares registrados %1</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>Impreso el %1 por %2</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hogares</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>Aldeas</translation>
    </message>
    <message>
        <source>Events in the log</source>
        <translation>Eventos en el registro de eventos</translation>
    </message>
    <message>
        <source>Registrations per day</source>
        <translation>Registros por día</translation>
    </message>
    <message>
        <source>No registrations.</source>
        <translation>Sin registros.</translation>
    </message>
    <message>
        <source>Days are UTC days of each household&apos;s registration (its first event).</source>
        <translation>Los días son los días UTC del registro de cada hogar (su primer evento).</translation>
    </message>
    <message>
        <source>Registrations per enumerator</source>
        <translation>Registros por encuestador</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <source>Households per village</source>
        <translation>Hogares por aldea</translation>
    </message>
    <message>
        <source>(no village)</source>
        <translation>(sin aldea)</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>Tamaño de los hogares</translation>
    </message>
    <message>
        <source>No households.</source>
        <translation>Sin hogares.</translation>
    </message>
    <message>
        <source>Households by number of members.</source>
        <translation>Hogares según el número de miembros.</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>Estado de la revisión</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Log size</source>
        <translation>Tamaño del registro de eventos</translation>
    </message>
    <message>
        <source>Log root</source>
        <translation>Raíz del registro de eventos</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>a partir del %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta el %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Where each household stands with review: the supervisor&apos;s last decision, or awaiting review when it was never reviewed or changed after its last decision.</source>
        <translation>Situación de cada hogar respecto a la revisión: la última decisión del supervisor, o pendiente de revisión si nunca se revisó o se modificó después de su última decisión.</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Señalado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Changed since review</source>
        <translation>Modificado desde la revisión</translation>
    </message>
    <message>
        <source>Never reviewed</source>
        <translation>Nunca revisado</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::TimeTravelView</name>
    <message>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>As it &amp;happened</source>
        <translation>Tal como &amp;ocurrió</translation>
    </message>
    <message>
        <source>Events in the order they happened in the field (their timestamps)</source>
        <translation>Los eventos en el orden en que ocurrieron sobre el terreno (sus marcas de tiempo)</translation>
    </message>
    <message>
        <source>As this &amp;registry recorded it</source>
        <translation>Tal como lo &amp;registró este registro</translation>
    </message>
    <message>
        <source>Events in the order this registry received them</source>
        <translation>Los eventos en el orden en que este registro los recibió</translation>
    </message>
    <message>
        <source>Show the household:</source>
        <translation>Mostrar el hogar:</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>Primer evento</translation>
    </message>
    <message>
        <source>First event (Home)</source>
        <translation>Primer evento (Inicio)</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Evento anterior</translation>
    </message>
    <message>
        <source>Previous event (Left, Alt+Left)</source>
        <translation>Evento anterior (Izquierda, Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Evento siguiente</translation>
    </message>
    <message>
        <source>Next event (Right, Alt+Right)</source>
        <translation>Evento siguiente (Derecha, Alt+Derecha)</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Último evento</translation>
    </message>
    <message>
        <source>Last event: now (End)</source>
        <translation>Último evento: ahora (Fin)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Show the household as it was at this moment</source>
        <translation>Mostrar el hogar tal como estaba en ese momento</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Entonces</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Since then</source>
        <translation>Desde entonces</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Highlighted: different now — fields changed since, members who left (red) or joined (green) since.</source>
        <translation>Resaltado: lo que es distinto ahora — campos cambiados desde entonces, miembros que se fueron (rojo) o llegaron (verde) desde entonces.</translation>
    </message>
    <message>
        <source>This record has no events.</source>
        <translation>Esta ficha no tiene eventos.</translation>
    </message>
    <message numerus="yes">
        <source>At %1, before the first of %n event(s)</source>
        <translation>
            <numerusform>El %1, antes del primero de %n evento</numerusform>
            <numerusform>El %1, antes del primero de %n eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1, after event %2 of %3</source>
        <translation>El %1, tras el evento %2 de %3</translation>
    </message>
    <message numerus="yes">
        <source>Before the first of %n event(s)</source>
        <translation>
            <numerusform>Antes del primero de %n evento</numerusform>
            <numerusform>Antes del primero de %n eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>After event %1 of %2: %3 by %4, %5</source>
        <translation>Tras el evento %1 de %2: %3 por %4, %5</translation>
    </message>
    <message>
        <source>After the registry received event %1 of %2: %3 by %4, %5</source>
        <translation>Tras recibir el registro el evento %1 de %2: %3 por %4, %5</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motivo: %1</translation>
    </message>
    <message>
        <source>received late</source>
        <translation>recibido con retraso</translation>
    </message>
    <message>
        <source>(latest)</source>
        <translation>(el más reciente)</translation>
    </message>
    <message>
        <source>As it happened: the events in the order they happened in the field, late arrivals included where they belong. Pick any moment with the date.</source>
        <translation>Tal como ocurrió: los eventos en el orden en que ocurrieron sobre el terreno, con los que llegaron tarde en su lugar. Elija cualquier momento con la fecha.</translation>
    </message>
    <message>
        <source>As this registry recorded it: the events in the order this registry received them — what it showed at the time, before late events arrived.</source>
        <translation>Tal como lo registró este registro: los eventos en el orden en que los recibió — lo que mostraba entonces, antes de que llegaran los eventos tardíos.</translation>
    </message>
    <message>
        <source>Not registered yet at this point.</source>
        <translation>Aún no registrado en ese momento.</translation>
    </message>
    <message>
        <source>%1 — version %2, last changed %3</source>
        <translation>%1 — versión %2, último cambio %3</translation>
    </message>
    <message>
        <source>DELETED at this point</source>
        <translation>ELIMINADO en ese momento</translation>
    </message>
    <message>
        <source>deleted since</source>
        <translation>eliminado desde entonces</translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation>Cambiado desde entonces</translation>
    </message>
    <message>
        <source>Left since</source>
        <translation>Se fue desde entonces</translation>
    </message>
    <message>
        <source>Changed since: %1</source>
        <translation>Cambiado desde entonces: %1</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Joined since</source>
        <translation>Llegó desde entonces</translation>
    </message>
    <message>
        <source>Time travel could not read this record: %1</source>
        <translation>El viaje en el tiempo no pudo leer esta ficha: %1</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::UnlockDialog</name>
    <message>
        <source>Un&amp;lock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>Registro: %1</translation>
    </message>
    <message>
        <source>Unlock the registry</source>
        <translation>Desbloquear el registro</translation>
    </message>
    <message>
        <source>Unlock with a passphrase &amp;instead</source>
        <translation>Desbloquear con una frase de contraseña &amp;en su lugar</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Comprobando la frase de contraseña…</translation>
    </message>
    <message>
        <source>That passphrase is not right for “%1”. Check Caps Lock and the keyboard layout, and try again.</source>
        <translation>Esa frase de contraseña no es la de «%1». Compruebe el bloqueo de mayúsculas y la distribución del teclado, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>That recovery key does not open this registry. Check it against the one you wrote down.</source>
        <translation>Esa clave de recuperación no abre este registro. Compárela con la que anotó.</translation>
    </message>
    <message>
        <source>The user or the registry was not found. %1</source>
        <translation>No se encontró el usuario o el registro. %1</translation>
    </message>
    <message>
        <source>The registry is open in another program. %1</source>
        <translation>El registro está abierto en otro programa. %1</translation>
    </message>
    <message>
        <source>The registry file is damaged or is not a FieldLedger registry. %1</source>
        <translation>El archivo del registro está dañado o no es un registro de FieldLedger. %1</translation>
    </message>
    <message>
        <source>This registry cannot be opened by this version of FieldLedger. %1</source>
        <translation>Esta versión de FieldLedger no puede abrir este registro. %1</translation>
    </message>
    <message>
        <source>This user may not open the registry. %1</source>
        <translation>Este usuario no puede abrir el registro. %1</translation>
    </message>
    <message>
        <source>The registry failed its integrity check. %1</source>
        <translation>El registro no superó su comprobación de integridad. %1</translation>
    </message>
    <message>
        <source>The registry could not be opened. %1</source>
        <translation>No se pudo abrir el registro. %1</translation>
    </message>
    <message>
        <source>Open Registry</source>
        <translation>Abrir un registro</translation>
    </message>
    <message>
        <source>FieldLedger registries (*.fieldledger);;All files (*)</source>
        <translation>Registros de FieldLedger (*.fieldledger);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Use the recovery &amp;key…</source>
        <translation>Usar la cla&amp;ve de recuperación…</translation>
    </message>
    <message>
        <source>Choose a new passphrase with the recovery key</source>
        <translation>Elegir una nueva frase de contraseña con la clave de recuperación</translation>
    </message>
    <message>
        <source>Reset and Un&amp;lock</source>
        <translation>Restablecer y &amp;desbloquear</translation>
    </message>
    <message>
        <source>Enter your user id.</source>
        <translation>Escriba su identificador de usuario.</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Escriba la clave de recuperación.</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>La nueva frase de contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Checking the recovery key and setting the new passphrase…</source>
        <translation>Comprobando la clave de recuperación y estableciendo la nueva frase de contraseña…</translation>
    </message>
</context>
<context>
    <name>fieldledger::ui::UsersPage</name>
    <message>
        <source>User id</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>&amp;Add User…</source>
        <translation>&amp;Añadir un usuario…</translation>
    </message>
    <message>
        <source>&amp;Remove User…</source>
        <translation>&amp;Quitar el usuario…</translation>
    </message>
    <message>
        <source>The users cannot be read: %1</source>
        <translation>No se pueden leer los usuarios: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>No se añadió a %1: %2</translation>
    </message>
    <message>
        <source>Remove User</source>
        <translation>Quitar el usuario</translation>
    </message>
    <message>
        <source>Remove %1? They will no longer be able to unlock this registry. What they recorded stays.</source>
        <translation>¿Quitar a %1? Ya no podrá desbloquear este registro. Lo que registró se conserva.</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>No se quitó a %1: %2</translation>
    </message>
    <message>
        <source>Households assigned</source>
        <translation>Hogares asignados</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>History of changes to users</source>
        <translation>Historial de cambios de los usuarios</translation>
    </message>
    <message>
        <source>Change R&amp;ole…</source>
        <translation>Cambiar el &amp;rol…</translation>
    </message>
    <message>
        <source>Reset &amp;Passphrase…</source>
        <translation>Restablecer la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>Assign &amp;Households…</source>
        <translation>Asignar &amp;hogares…</translation>
    </message>
    <message>
        <source>Households can be assigned from the main window&apos;s Users section.</source>
        <translation>Los hogares se pueden asignar desde la sección Usuarios de la ventana principal.</translation>
    </message>
    <message>
        <source>Hi&amp;story of changes to users</source>
        <translation>Hi&amp;storial de cambios de los usuarios</translation>
    </message>
    <message>
        <source>Hi&amp;story of changes to %1</source>
        <translation>Hi&amp;storial de cambios de %1</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>No se puede leer el historial: %1</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Usuario añadido</translation>
    </message>
    <message>
        <source>User removed</source>
        <translation>Usuario retirado</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rol cambiado</translation>
    </message>
    <message>
        <source>Passphrase reset</source>
        <translation>Frase de contraseña restablecida</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Frase de contraseña cambiada</translation>
    </message>
    <message>
        <source>Households unassigned</source>
        <translation>Hogares desasignados</translation>
    </message>
    <message>
        <source>the recovery key</source>
        <translation>la clave de recuperación</translation>
    </message>
    <message>
        <source>The role of %1 was not changed: %2</source>
        <translation>No se cambió el rol de %1: %2</translation>
    </message>
    <message>
        <source>The passphrase of %1 was not reset: %2</source>
        <translation>No se restableció la frase de contraseña de %1: %2</translation>
    </message>
    <message>
        <source>The households of %1 cannot be read: %2</source>
        <translation>No se pueden leer los hogares de %1: %2</translation>
    </message>
    <message>
        <source>The households of %1 were not changed: %2</source>
        <translation>No se cambiaron los hogares de %1: %2</translation>
    </message>
    <message>
        <source>The households of %1 were not assigned: %2</source>
        <translation>No se asignaron los hogares de %1: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Offline household registration.</source>
        <translation>Registro de hogares sin conexión.</translation>
    </message>
    <message>
        <source>Open the registry at &lt;path&gt;.</source>
        <translation>Abrir el registro situado en &lt;path&gt;.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
</context>
</TS>
