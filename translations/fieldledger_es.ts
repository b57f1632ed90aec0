<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
        <source>Trying FieldLedger out? A demo registry comes filled with generated households.</source>
        <translation>¿Está probando FieldLedger? Un registro de demostración viene lleno de hogares generados.</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
        <source>Review progress (no review decisions yet: edits since registration)</source>
        <translation>Avance de la revisión (aún sin decisiones: cambios desde el registro)</translation>
    </message>
    <message>
        <source>Edited: %1</source>
        <translation>Modificados: %1</translation>
    </message>
    <message>
        <source>Registered only: %1</source>
        <translation>Solo registrados: %1</translation>
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
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Everything needed is answered. Check the answers, then submit.</source>
        <translation>Todo lo necesario está respondido. Revise las respuestas y envíe.</translation>
    </message>
    <message numerus="yes">
        <source>Issues to fix before the form can be submitted: %n. Press Enter on one to go to its field.</source>
        <translation>
            <numerusform>Problema que corregir antes de poder enviar el formulario: %n. Pulse Intro sobre él para ir a su campo.</numerusform>
            <numerusform>Problemas que corregir antes de poder enviar el formulario: %n. Pulse Intro sobre uno para ir a su campo.</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>History (%n events)</source>
        <translation>
            <numerusform>Historial (%n evento)</numerusform>
            <numerusform>Historial (%n eventos)</numerusform>
        </translation>
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
        <source>This registry holds no review decisions yet. Shown instead: households changed since their registration, and households unchanged since.</source>
        <translation>Este registro aún no contiene decisiones de revisión. Se muestran en su lugar: los hogares modificados desde su registro y los que no han cambiado.</translation>
    </message>
    <message>
        <source>Changed since registration</source>
        <translation>Modificados desde el registro</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in the order they happened in the field (their timestamps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As this &amp;registry recorded it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events in the order this registry received them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the household:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First event (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous event (Left, Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next event (Right, Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event: now (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the household as it was at this moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since then</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record has no events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At %1, before the first of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>At %1, after event %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Before the first of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>After event %1 of %2: %3 by %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the registry received event %1 of %2: %3 by %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motivo: %1</translation>
    </message>
    <message>
        <source>received late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(latest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As it happened: the events in the order they happened in the field, late arrivals included where they belong. Pick any moment with the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As this registry recorded it: the events in the order this registry received them — what it showed at the time, before late events arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered yet at this point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — version %2, last changed %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELETED at this point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time travel could not read this record: %1</source>
        <translation type="unfinished"></translation>
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
        <source>Use the recovery &amp;key</source>
        <translation>Usar la &amp;clave de recuperación</translation>
    </message>
    <message>
        <source>Unlock with the recovery key</source>
        <translation>Desbloquear con la clave de recuperación</translation>
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
        <source>Checking the recovery key…</source>
        <translation>Comprobando la clave de recuperación…</translation>
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
