<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>handoff::pages::ExportPage</name>
    <message>
        <source>Variable bindings</source>
        <translation>Variablenbindungen</translation>
    </message>
    <message>
        <source>The token and the VoiceCall id change with every call; in the expression they come from flow variables set earlier in the flow.</source>
        <translation>Das Token und die VoiceCall-ID ändern sich bei jedem Anruf; im Ausdruck kommen sie aus Flow-Variablen, die früher im Flow gesetzt werden.</translation>
    </message>
    <message>
        <source>&amp;Token from variable</source>
        <translation>&amp;Token aus Variable</translation>
    </message>
    <message>
        <source>Token variable</source>
        <translation>Token-Variable</translation>
    </message>
    <message>
        <source>&amp;callId from variable</source>
        <translation>&amp;callId aus Variable</translation>
    </message>
    <message>
        <source>callId variable</source>
        <translation>callId-Variable</translation>
    </message>
    <message>
        <source>The bindings and the export are fine.</source>
        <translation>Bindungen und Export sind in Ordnung.</translation>
    </message>
    <message>
        <source>Architect expression (Set UUI Data, Outgoing UUI Data: For Transfers)</source>
        <translation>Architect-Ausdruck (Set UUI Data, Outgoing UUI Data: For Transfers)</translation>
    </message>
    <message>
        <source>Architect expression</source>
        <translation>Architect-Ausdruck</translation>
    </message>
    <message>
        <source>Copy e&amp;xpression</source>
        <translation>Ausdruck &amp;kopieren</translation>
    </message>
    <message>
        <source>Save expression…</source>
        <translation>Ausdruck speichern…</translation>
    </message>
    <message>
        <source>Literal UUI JSON</source>
        <translation>UUI-JSON als Literal</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>&amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>JSON speichern…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Only a clipboard that still holds what was copied here is cleared.</source>
        <translation>Gelöscht wird nur, wenn die Zwischenablage noch enthält, was hier kopiert wurde.</translation>
    </message>
    <message>
        <source>Bind the token to a variable</source>
        <translation>Token an eine Variable binden</translation>
    </message>
    <message>
        <source>Write the token as a literal</source>
        <translation>Token als Literal schreiben</translation>
    </message>
    <message>
        <source>Edit token variable</source>
        <translation>Token-Variable bearbeiten</translation>
    </message>
    <message>
        <source>Bind callId to a variable</source>
        <translation>callId an eine Variable binden</translation>
    </message>
    <message>
        <source>Write callId as a literal</source>
        <translation>callId als Literal schreiben</translation>
    </message>
    <message>
        <source>Edit callId variable</source>
        <translation>callId-Variable bearbeiten</translation>
    </message>
    <message>
        <source>The token was cleared from the clipboard.</source>
        <translation>Das Token wurde aus der Zwischenablage gelöscht.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>The JSON</source>
        <translation>Das JSON</translation>
    </message>
    <message>
        <source>The expression</source>
        <translation>Der Ausdruck</translation>
    </message>
    <message>
        <source>%1 was copied. It holds a token, which stays on the clipboard until you copy something else.</source>
        <translation>%1 wurde kopiert. Es enthält ein Token, das in der Zwischenablage bleibt, bis Sie etwas anderes kopieren.</translation>
    </message>
    <message>
        <source>%1 was copied.</source>
        <translation>%1 wurde kopiert.</translation>
    </message>
    <message numerus="yes">
        <source>Copied, with the token: the clipboard is cleared in %n s.</source>
        <translation>
            <numerusform>Kopiert, mit dem Token: Die Zwischenablage wird in %n s gelöscht.</numerusform>
            <numerusform>Kopiert, mit dem Token: Die Zwischenablage wird in %n s gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>it expires</source>
        <translation>es abläuft</translation>
    </message>
    <message>
        <source>Save a token to a file?</source>
        <translation>Ein Token in eine Datei speichern?</translation>
    </message>
    <message>
        <source>This text holds a signed token. Anyone who has the file can use it until %1. Keep the file private, and delete it when you are done.</source>
        <translation>Dieser Text enthält ein signiertes Token. Wer die Datei hat, kann es bis %1 verwenden. Halten Sie die Datei privat und löschen Sie sie, wenn Sie fertig sind.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>set-uui-data.json</source>
        <translation>set-uui-data.json</translation>
    </message>
    <message>
        <source>set-uui-data-expression.txt</source>
        <translation>set-uui-data-ausdruck.txt</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save UUI JSON</source>
        <translation>UUI-JSON speichern</translation>
    </message>
    <message>
        <source>Save expression</source>
        <translation>Ausdruck speichern</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Paste this into the Set UUI Data action&apos;s expression editor. At run time %1 must hold a fresh token (from the Function Data Action).</source>
        <translation>Fügen Sie dies in den Ausdruckseditor der Aktion „Set UUI Data“ ein. Zur Laufzeit muss %1 ein frisches Token enthalten (aus der Function Data Action).</translation>
    </message>
    <message>
        <source>The token is written into the expression as a literal: the transfer fails once it expires. Bind it to a variable for production.</source>
        <translation>Das Token steht als Literal im Ausdruck: Die Übergabe scheitert, sobald es abläuft. Binden Sie es für den Produktivbetrieb an eine Variable.</translation>
    </message>
    <message>
        <source>Exactly what the trunk carries right now, with the current token (valid until %1). Use it for tests or to compare with what Genesys sends.</source>
        <translation>Genau das, was der Trunk jetzt überträgt, mit dem aktuellen Token (gültig bis %1). Für Tests oder zum Vergleich mit dem, was Genesys sendet.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>einem unbekannten Zeitpunkt</translation>
    </message>
    <message>
        <source>No token yet: import or generate a key on the Org &amp; credentials page. The JSON below has an empty token.</source>
        <translation>Noch kein Token: Importieren oder erzeugen Sie einen Schlüssel auf der Seite „Org und Zugangsdaten“. Das JSON unten hat ein leeres Token.</translation>
    </message>
    <message>
        <source>Clear a copied token from the clip&amp;board after</source>
        <translation>Kopiertes Token aus der Zwischen&amp;ablage löschen nach</translation>
    </message>
</context>
<context>
    <name>handoff::pages::OrgPage</name>
    <message>
        <source>PEM private keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-Privatschlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Org &amp; credentials</source>
        <translation>Org und Zugangsdaten</translation>
    </message>
    <message>
        <source>The Salesforce org the tokens are signed for, and the key that signs them. The project file keeps these settings but never the private key.</source>
        <translation>Die Salesforce-Org, für die die Tokens signiert werden, und der Schlüssel, der sie signiert. Die Projektdatei speichert diese Einstellungen, aber nie den privaten Schlüssel.</translation>
    </message>
    <message>
        <source>Salesforce org</source>
        <translation>Salesforce-Org</translation>
    </message>
    <message>
        <source>e.g. Support line handoff</source>
        <translation>z. B. Übergabe Support-Hotline</translation>
    </message>
    <message>
        <source>Project &amp;name:</source>
        <translation>Projekt&amp;name:</translation>
    </message>
    <message>
        <source>00D followed by 12 or 15 characters</source>
        <translation>00D, gefolgt von 12 oder 15 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Org id:</source>
        <translation>&amp;Org-ID:</translation>
    </message>
    <message>
        <source>mycompany.my.salesforce-scrt.com or its https://…/telephony/v1 URL</source>
        <translation>mycompany.my.salesforce-scrt.com oder die https://…/telephony/v1-URL</translation>
    </message>
    <message>
        <source>Use &amp;Domain</source>
        <translation>&amp;Domain verwenden</translation>
    </message>
    <message>
        <source>Replace the text with the bare SCRT2 domain the UUI carries</source>
        <translation>Den Text durch die reine SCRT2-Domain ersetzen, die die UUI enthält</translation>
    </message>
    <message>
        <source>SCRT2 &amp;domain or URL:</source>
        <translation>SCRT2-&amp;Domain oder URL:</translation>
    </message>
    <message>
        <source>Salesforce Voice with Telephony Providers (the token names the call center)</source>
        <translation>Salesforce Voice with Telephony Providers (das Token nennt das Call Center)</translation>
    </message>
    <message>
        <source>Other, such as Open CTI (the token carries no sub claim)</source>
        <translation>Andere, etwa Open CTI (das Token enthält keinen sub-Claim)</translation>
    </message>
    <message>
        <source>Customer &amp;type:</source>
        <translation>Kunden&amp;typ:</translation>
    </message>
    <message>
        <source>e.g. Genesys_Voice_Center</source>
        <translation>z. B. Genesys_Voice_Center</translation>
    </message>
    <message>
        <source>&amp;Call Center API name:</source>
        <translation>&amp;Call-Center-API-Name:</translation>
    </message>
    <message>
        <source>Private key and certificate</source>
        <translation>Privater Schlüssel und Zertifikat</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Public key SHA-256:</source>
        <translation>SHA-256 des öffentlichen Schlüssels:</translation>
    </message>
    <message>
        <source>Kept in:</source>
        <translation>Aufbewahrt in:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>Certificate SHA-256:</source>
        <translation>SHA-256 des Zertifikats:</translation>
    </message>
    <message>
        <source>Key and certificate:</source>
        <translation>Schlüssel und Zertifikat:</translation>
    </message>
    <message>
        <source>&amp;Import Key File…</source>
        <translation>Schlüsseldatei &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Paste Key…</source>
        <translation>Schlüssel ein&amp;fügen…</translation>
    </message>
    <message>
        <source>Import &amp;Certificate…</source>
        <translation>&amp;Zertifikat importieren…</translation>
    </message>
    <message>
        <source>&amp;Save Certificate for Salesforce…</source>
        <translation>Zertifikat für Salesforce &amp;speichern…</translation>
    </message>
    <message>
        <source>Save Private &amp;Key…</source>
        <translation>Privaten Schlüssel spei&amp;chern…</translation>
    </message>
    <message>
        <source>Write the private key to a file (owner-only permissions), for example to add it to the Genesys integration credentials</source>
        <translation>Den privaten Schlüssel in eine Datei schreiben (nur für den Eigentümer lesbar), etwa um ihn den Zugangsdaten der Genesys-Integration hinzuzufügen</translation>
    </message>
    <message>
        <source>&amp;Forget Key</source>
        <translation>Schlüssel &amp;vergessen</translation>
    </message>
    <message>
        <source>Generate a key pair</source>
        <translation>Schlüsselpaar erzeugen</translation>
    </message>
    <message>
        <source>Makes an RSA key and a self-signed SHA-256 certificate. Upload the certificate to Salesforce; the key stays in the keychain.</source>
        <translation>Erzeugt einen RSA-Schlüssel und ein selbstsigniertes SHA-256-Zertifikat. Laden Sie das Zertifikat in Salesforce hoch; der Schlüssel bleibt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>2048 bits (recommended)</source>
        <translation>2048 Bit (empfohlen)</translation>
    </message>
    <message>
        <source>3072 bits</source>
        <translation>3072 Bit</translation>
    </message>
    <message>
        <source>4096 bits (longer token: check the UUI budget)</source>
        <translation>4096 Bit (längeres Token: UUI-Budget prüfen)</translation>
    </message>
    <message>
        <source>Key si&amp;ze:</source>
        <translation>Schlüssel&amp;länge:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Certificate &amp;validity:</source>
        <translation>&amp;Gültigkeit des Zertifikats:</translation>
    </message>
    <message>
        <source>Certificate common na&amp;me:</source>
        <translation>Common &amp;Name des Zertifikats:</translation>
    </message>
    <message>
        <source>&amp;Generate Key Pair</source>
        <translation>Schlüsselpaar &amp;erzeugen</translation>
    </message>
    <message>
        <source>Edit project name</source>
        <translation>Projektname bearbeiten</translation>
    </message>
    <message>
        <source>Edit org id</source>
        <translation>Org-ID bearbeiten</translation>
    </message>
    <message>
        <source>Edit SCRT2 domain</source>
        <translation>SCRT2-Domain bearbeiten</translation>
    </message>
    <message>
        <source>Edit Call Center API name</source>
        <translation>Call-Center-API-Namen bearbeiten</translation>
    </message>
    <message>
        <source>Change customer type</source>
        <translation>Kundentyp ändern</translation>
    </message>
    <message>
        <source>Use 18-Character Form</source>
        <translation>18-stellige Form verwenden</translation>
    </message>
    <message>
        <source>Use 15-Character Form</source>
        <translation>15-stellige Form verwenden</translation>
    </message>
    <message>
        <source>Convert 15/18</source>
        <translation>15/18 umwandeln</translation>
    </message>
    <message>
        <source>UUI scrt2Domain: %1
voiceCalls base URL: %2%3</source>
        <translation>UUI-scrt2Domain: %1
Basis-URL für voiceCalls: %2%3</translation>
    </message>
    <message>
        <source>
(a sandbox address)</source>
        <translation>
(eine Sandbox-Adresse)</translation>
    </message>
    <message>
        <source>15 characters: %1 · 18 characters: %2</source>
        <translation>15 Zeichen: %1 · 18 Zeichen: %2</translation>
    </message>
    <message>
        <source>Not used: tokens for this customer type carry no sub claim.</source>
        <translation>Nicht verwendet: Tokens für diesen Kundentyp enthalten keinen sub-Claim.</translation>
    </message>
    <message>
        <source>No private key yet. Import one, paste one, or generate a key pair below.</source>
        <translation>Noch kein privater Schlüssel. Importieren Sie einen, fügen Sie einen ein oder erzeugen Sie unten ein Schlüsselpaar.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <source>The system keychain</source>
        <translation>Der Systemschlüsselbund</translation>
    </message>
    <message>
        <source>Memory for this session; read again from %1 next time</source>
        <translation>Arbeitsspeicher für diese Sitzung; beim nächsten Mal erneut aus %1 gelesen</translation>
    </message>
    <message>
        <source>Memory, for this session only: import the key again after restarting</source>
        <translation>Arbeitsspeicher, nur für diese Sitzung: Importieren Sie den Schlüssel nach einem Neustart erneut</translation>
    </message>
    <message>
        <source>No certificate. Generate a key pair, or import the certificate you uploaded to Salesforce.</source>
        <translation>Kein Zertifikat. Erzeugen Sie ein Schlüsselpaar oder importieren Sie das Zertifikat, das Sie in Salesforce hochgeladen haben.</translation>
    </message>
    <message>
        <source>%1 (self-signed, %2)</source>
        <translation>%1 (selbstsigniert, %2)</translation>
    </message>
    <message>
        <source>%1 (issued by %2)</source>
        <translation>%1 (ausgestellt von %2)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation> (abgelaufen)</translation>
    </message>
    <message>
        <source> (not yet valid)</source>
        <translation> (noch nicht gültig)</translation>
    </message>
    <message>
        <source> (1 day left)</source>
        <translation> (noch 1 Tag)</translation>
    </message>
    <message>
        <source> (%1 days left)</source>
        <translation> (noch %1 Tage)</translation>
    </message>
    <message>
        <source>No key to compare</source>
        <translation>Kein Schlüssel zum Vergleichen</translation>
    </message>
    <message>
        <source>✓ They match: Salesforce will accept tokens signed with this key.</source>
        <translation>✓ Sie passen zusammen: Salesforce akzeptiert Tokens, die mit diesem Schlüssel signiert sind.</translation>
    </message>
    <message>
        <source>✗ They do not match: tokens signed with this key will be refused.</source>
        <translation>✗ Sie passen nicht zusammen: Mit diesem Schlüssel signierte Tokens werden abgelehnt.</translation>
    </message>
    <message>
        <source>Convert org id</source>
        <translation>Org-ID umwandeln</translation>
    </message>
    <message>
        <source>Use SCRT2 domain</source>
        <translation>SCRT2-Domain verwenden</translation>
    </message>
    <message>
        <source>The passphrase for %1 is not correct. Try again:</source>
        <translation>Die Passphrase für %1 ist nicht richtig. Bitte erneut versuchen:</translation>
    </message>
    <message>
        <source>%1 is encrypted. Enter its passphrase:</source>
        <translation>%1 ist verschlüsselt. Geben Sie die Passphrase ein:</translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Could Not Use the Key</source>
        <translation>Schlüssel nicht verwendbar</translation>
    </message>
    <message>
        <source>%1 could not be used as a private key.

%2</source>
        <translation>%1 konnte nicht als privater Schlüssel verwendet werden.

%2</translation>
    </message>
    <message>
        <source>Key Not Suitable</source>
        <translation>Schlüssel ungeeignet</translation>
    </message>
    <message>
        <source>Could Not Open the Key</source>
        <translation>Schlüssel konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Import key</source>
        <translation>Schlüssel importieren</translation>
    </message>
    <message>
        <source>The pasted key</source>
        <translation>Der eingefügte Schlüssel</translation>
    </message>
    <message>
        <source>Could Not Open the Certificate</source>
        <translation>Zertifikat konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 could not be read as a certificate.

%2</source>
        <translation>%1 konnte nicht als Zertifikat gelesen werden.

%2</translation>
    </message>
    <message>
        <source>Import certificate</source>
        <translation>Zertifikat importieren</translation>
    </message>
    <message>
        <source>Cannot Generate</source>
        <translation>Erzeugen nicht möglich</translation>
    </message>
    <message>
        <source>Replace the Key?</source>
        <translation>Schlüssel ersetzen?</translation>
    </message>
    <message>
        <source>This project already has a private key. A new key pair needs its new certificate uploaded to Salesforce before calls work again.</source>
        <translation>Dieses Projekt hat bereits einen privaten Schlüssel. Für ein neues Schlüsselpaar muss dessen neues Zertifikat in Salesforce hochgeladen werden, bevor Anrufe wieder funktionieren.</translation>
    </message>
    <message>
        <source>Generate New Pair</source>
        <translation>Neues Paar erzeugen</translation>
    </message>
    <message>
        <source>Could Not Generate</source>
        <translation>Erzeugen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Generate key pair</source>
        <translation>Schlüsselpaar erzeugen</translation>
    </message>
    <message>
        <source>Could Not Save the Certificate</source>
        <translation>Zertifikat konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Zertifikat speichern</translation>
    </message>
    <message>
        <source>Protect the Key File</source>
        <translation>Schlüsseldatei schützen</translation>
    </message>
    <message>
        <source>Enter a passphrase to encrypt the key file, or leave it empty to write it unencrypted (owner-only permissions):</source>
        <translation>Geben Sie eine Passphrase ein, um die Schlüsseldatei zu verschlüsseln, oder lassen Sie das Feld leer, um sie unverschlüsselt zu schreiben (nur für den Eigentümer lesbar):</translation>
    </message>
    <message>
        <source>Could Not Save the Key</source>
        <translation>Schlüssel konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Import Private Key</source>
        <translation>Privaten Schlüssel importieren</translation>
    </message>
    <message>
        <source>Paste Private Key</source>
        <translation>Privaten Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Paste the PEM private key, including its BEGIN and END lines. It is kept in the keychain, never in the project file.</source>
        <translation>Fügen Sie den privaten PEM-Schlüssel einschließlich der BEGIN- und END-Zeilen ein. Er wird im Schlüsselbund aufbewahrt, nie in der Projektdatei.</translation>
    </message>
    <message>
        <source>Import Certificate</source>
        <translation>Zertifikat importieren</translation>
    </message>
    <message>
        <source>Save Certificate for Salesforce</source>
        <translation>Zertifikat für Salesforce speichern</translation>
    </message>
    <message>
        <source>Save Private Key</source>
        <translation>Privaten Schlüssel speichern</translation>
    </message>
    <message>
        <source>Forget the Key?</source>
        <translation>Schlüssel vergessen?</translation>
    </message>
    <message>
        <source>The private key is removed from %1. Tokens cannot be signed until a key is imported again.</source>
        <translation>Der private Schlüssel wird aus %1 entfernt. Tokens können erst wieder signiert werden, wenn ein Schlüssel importiert wurde.</translation>
    </message>
    <message>
        <source>Forget Key</source>
        <translation>Schlüssel vergessen</translation>
    </message>
</context>
<context>
    <name>handoff::pages::TestCallPage</name>
    <message>
        <source>Test call</source>
        <translation>Testanruf</translation>
    </message>
    <message>
        <source>Create one VoiceCall through the voiceCalls API, as the Genesys data action would, and see what Salesforce (or the built-in emulator) answers.</source>
        <translation>Legen Sie über die voiceCalls-API einen VoiceCall an, wie es die Genesys-Datenaktion täte, und sehen Sie, was Salesforce (oder der eingebaute Emulator) antwortet.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Built-in emulator</source>
        <translation>Eingebauter Emulator</translation>
    </message>
    <message>
        <source>Salesforce org</source>
        <translation>Salesforce-Org</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Senden an</translation>
    </message>
    <message>
        <source>Org</source>
        <translation>Org</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>the contact-centre number, e.g. +14155550100</source>
        <translation>die Contact-Center-Nummer, z. B. +14155550100</translation>
    </message>
    <message>
        <source>the caller, e.g. +14155550199 or tel:+14155550199</source>
        <translation>der Anrufer, z. B. +14155550199 oder tel:+14155550199</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>(nicht gesendet)</translation>
    </message>
    <message>
        <source>optional Telephony-Provider-Name header</source>
        <translation>optionaler Header Telephony-Provider-Name</translation>
    </message>
    <message>
        <source>for national numbers, e.g. US</source>
        <translation>für nationale Nummern, z. B. DE</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Initiation method</source>
        <translation>Initiierungsart</translation>
    </message>
    <message>
        <source>Call origin</source>
        <translation>Anrufursprung</translation>
    </message>
    <message>
        <source>Call subtype</source>
        <translation>Anruf-Untertyp</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Telephony-Provider-Name</source>
        <translation>Telephony-Provider-Name</translation>
    </message>
    <message>
        <source>Default region</source>
        <translation>Standardregion</translation>
    </message>
    <message>
        <source>VoiceCall field (API name)</source>
        <translation>VoiceCall-Feld (API-Name)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Feld entfernen</translation>
    </message>
    <message>
        <source>Paste JSON…</source>
        <translation>JSON einfügen…</translation>
    </message>
    <message>
        <source>Paste a JSON object such as {&quot;Department__c&quot;:&quot;Support&quot;}.</source>
        <translation>Fügen Sie ein JSON-Objekt wie {&quot;Department__c&quot;:&quot;Support&quot;} ein.</translation>
    </message>
    <message>
        <source>callAttributes</source>
        <translation>callAttributes</translation>
    </message>
    <message>
        <source>Send test call</source>
        <translation>Testanruf senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>Als cURL kopieren</translation>
    </message>
    <message>
        <source>The same request as a cURL command; the token is left out ($HANDOFF_API_TOKEN).</source>
        <translation>Dieselbe Anfrage als cURL-Befehl; das Token bleibt außen vor ($HANDOFF_API_TOKEN).</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>No test call yet.</source>
        <translation>Noch kein Testanruf.</translation>
    </message>
    <message>
        <source>This session&apos;s test calls</source>
        <translation>Testanrufe dieser Sitzung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>VoiceCall id</source>
        <translation>VoiceCall-ID</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Change test call target</source>
        <translation>Ziel des Testanrufs ändern</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit initiationMethod</source>
        <translation>initiationMethod bearbeiten</translation>
    </message>
    <message>
        <source>Edit callSubtype</source>
        <translation>callSubtype bearbeiten</translation>
    </message>
    <message>
        <source>Add callAttributes field</source>
        <translation>callAttributes-Feld hinzufügen</translation>
    </message>
    <message>
        <source>Remove callAttributes field</source>
        <translation>callAttributes-Feld entfernen</translation>
    </message>
    <message>
        <source>Paste callAttributes</source>
        <translation>callAttributes einfügen</translation>
    </message>
    <message>
        <source>A JSON object of VoiceCall field API names and values. The pairs replace the ones in the table.</source>
        <translation>Ein JSON-Objekt aus API-Namen von VoiceCall-Feldern und Werten. Die Paare ersetzen die in der Tabelle.</translation>
    </message>
    <message>
        <source>Edit callAttributes</source>
        <translation>callAttributes bearbeiten</translation>
    </message>
    <message>
        <source>%1, call center %2 (from Org &amp; credentials)</source>
        <translation>%1, Call Center %2 (aus „Org und Zugangsdaten“)</translation>
    </message>
    <message>
        <source>(no org id)</source>
        <translation>(keine Org-ID)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>The org&apos;s SCRT2 domain is not usable yet; see Org &amp; credentials.</source>
        <translation>Die SCRT2-Domain der Org ist noch nicht verwendbar; siehe „Org und Zugangsdaten“.</translation>
    </message>
    <message>
        <source>%1 — creates a real VoiceCall record in the org.</source>
        <translation>%1 – legt einen echten VoiceCall-Datensatz in der Org an.</translation>
    </message>
    <message>
        <source>Running at %1; it trusts the certificate of this project&apos;s key.</source>
        <translation>Läuft unter %1; vertraut dem Zertifikat des Schlüssels dieses Projekts.</translation>
    </message>
    <message>
        <source>Starts on this computer (127.0.0.1) with the first test call. It checks the token against this project&apos;s key like Salesforce checks the registered certificate.</source>
        <translation>Startet beim ersten Testanruf auf diesem Computer (127.0.0.1). Er prüft das Token gegen den Schlüssel dieses Projekts, so wie Salesforce das registrierte Zertifikat prüft.</translation>
    </message>
    <message>
        <source>The org&apos;s SCRT2 domain cannot be used: %1</source>
        <translation>Die SCRT2-Domain der Org ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>The org id is missing or not a 00D id; enter it on Org &amp; credentials. The emulator checks it as the token&apos;s iss.</source>
        <translation>Die Org-ID fehlt oder ist keine 00D-ID; geben Sie sie unter „Org und Zugangsdaten“ ein. Der Emulator prüft sie als iss des Tokens.</translation>
    </message>
    <message>
        <source>There is no private key to sign the API token with. Import or generate one on Org &amp; credentials.</source>
        <translation>Es gibt keinen privaten Schlüssel, um das API-Token zu signieren. Importieren oder erzeugen Sie einen unter „Org und Zugangsdaten“.</translation>
    </message>
    <message>
        <source>Send a test call to the org?</source>
        <translation>Testanruf an die Org senden?</translation>
    </message>
    <message>
        <source>This creates a real VoiceCall record in org %1 through %2.</source>
        <translation>Damit wird in der Org %1 über %2 ein echter VoiceCall-Datensatz angelegt.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Senden an %1…</translation>
    </message>
    <message>
        <source>org</source>
        <translation>Org</translation>
    </message>
    <message>
        <source>emulator</source>
        <translation>Emulator</translation>
    </message>
    <message>
        <source>Created: HTTP %1 in %2 ms.</source>
        <translation>Angelegt: HTTP %1 in %2 ms.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No answer in time (%1 ms): the data action would take its timeout path.</source>
        <translation>Keine Antwort rechtzeitig (%1 ms): Die Datenaktion würde ihren Timeout-Pfad nehmen.</translation>
    </message>
    <message>
        <source>Refused: HTTP %1 in %2 ms.</source>
        <translation>Abgelehnt: HTTP %1 in %2 ms.</translation>
    </message>
    <message>
        <source>Failed without an HTTP answer.</source>
        <translation>Fehlgeschlagen ohne HTTP-Antwort.</translation>
    </message>
    <message numerus="yes">
        <source>(%n attempt(s), %1)</source>
        <translation>
            <numerusform>(%n Versuch, %1)</numerusform>
            <numerusform>(%n Versuche, %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>voiceCallId %1
for the UUI&apos;s callId: %2</source>
        <translation>voiceCallId %1
für die callId der UUI: %2</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Nothing was pasted into callAttributes.</source>
        <translation>In callAttributes wurde nichts eingefügt.</translation>
    </message>
    <message numerus="yes">
        <source>%n callAttributes pair(s) pasted.</source>
        <translation>
            <numerusform>%n callAttributes-Paar eingefügt.</numerusform>
            <numerusform>%n callAttributes-Paare eingefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>cURL command copied (set HANDOFF_API_TOKEN to a fresh API token before running it).</source>
        <translation>cURL-Befehl kopiert (setzen Sie HANDOFF_API_TOKEN vor dem Ausführen auf ein frisches API-Token).</translation>
    </message>
</context>
<context>
    <name>handoff::pages::TokenPage</name>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;Decode and verify</source>
        <translation>&amp;Dekodieren und prüfen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lifetime in minutes</source>
        <translation>Lebensdauer in Minuten</translation>
    </message>
    <message>
        <source>&amp;Lifetime (exp − iat):</source>
        <translation>&amp;Lebensdauer (exp − iat):</translation>
    </message>
    <message>
        <source>&amp;Single use: add a jti (a new id per token)</source>
        <translation>&amp;Einmalig: eine jti hinzufügen (eine neue ID pro Token)</translation>
    </message>
    <message>
        <source>Salesforce accepts a token with a jti only once. A UUI token reused across calls must not have one.</source>
        <translation>Salesforce akzeptiert ein Token mit jti nur einmal. Ein UUI-Token, das über mehrere Anrufe verwendet wird, darf keine haben.</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Stammt aus</translation>
    </message>
    <message>
        <source>The claims follow Salesforce&apos;s rules.</source>
        <translation>Die Claims folgen den Regeln von Salesforce.</translation>
    </message>
    <message>
        <source>Additional claims (this session only, not saved in the project)</source>
        <translation>Zusätzliche Claims (nur diese Sitzung, nicht im Projekt gespeichert)</translation>
    </message>
    <message>
        <source>For tests, e.g. an aud claim. Values are JSON where they parse as JSON (42, true, &quot;text&quot;), else text. A name of a standard claim replaces it.</source>
        <translation>Für Tests, z. B. ein aud-Claim. Werte sind JSON, wo sie sich als JSON lesen lassen (42, true, &quot;Text&quot;), sonst Text. Der Name eines Standard-Claims ersetzt diesen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Additional claims</source>
        <translation>Zusätzliche Claims</translation>
    </message>
    <message>
        <source>&amp;Add claim</source>
        <translation>Claim &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move claim</source>
        <translation>Claim ent&amp;fernen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed token&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signiertes Token&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No token: import or generate an RSA key on the Org &amp; credentials page.</source>
        <translation>Kein Token: Importieren oder erzeugen Sie einen RSA-Schlüssel auf der Seite „Org und Zugangsdaten“.</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>Token &amp;kopieren</translation>
    </message>
    <message>
        <source>Sign a &amp;new token</source>
        <translation>&amp;Neues Token signieren</translation>
    </message>
    <message>
        <source>Signs again with the current time as iat (and a new jti when there is one).</source>
        <translation>Signiert erneut mit der aktuellen Zeit als iat (und einer neuen jti, falls vorhanden).</translation>
    </message>
    <message>
        <source>Change token lifetime</source>
        <translation>Lebensdauer des Tokens ändern</translation>
    </message>
    <message>
        <source>Make the token single use</source>
        <translation>Token einmalig machen</translation>
    </message>
    <message>
        <source>Make the token reusable</source>
        <translation>Token wiederverwendbar machen</translation>
    </message>
    <message>
        <source>Reset token to its preset</source>
        <translation>Token auf seine Vorgabe zurücksetzen</translation>
    </message>
    <message>
        <source>The token was cleared from the clipboard.</source>
        <translation>Das Token wurde aus der Zwischenablage gelöscht.</translation>
    </message>
    <message>
        <source>Paste a token (from a Function Data Action&apos;s log, a SIP trace or a colleague) to see its claims, check them against Salesforce&apos;s rules and this project&apos;s org, and verify its signature with the project&apos;s certificate.</source>
        <translation>Fügen Sie ein Token ein (aus dem Log einer Function Data Action, einem SIP-Trace oder von einer Kollegin), um seine Claims zu sehen, sie gegen die Regeln von Salesforce und die Org dieses Projekts zu prüfen und seine Signatur mit dem Zertifikat des Projekts zu verifizieren.</translation>
    </message>
    <message>
        <source>eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9…</source>
        <translation>eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9…</translation>
    </message>
    <message>
        <source>Carried in the UUI&apos;s token field. Reused across calls, so it has no jti and lives the 24 hours Salesforce allows.</source>
        <translation>Steht im Feld token der UUI. Wird über mehrere Anrufe verwendet, hat daher keine jti und gilt die 24 Stunden, die Salesforce erlaubt.</translation>
    </message>
    <message>
        <source>Sent as the Bearer token of the voiceCalls request that creates the VoiceCall. Salesforce&apos;s own function mints one per request: 5 minutes, with a jti.</source>
        <translation>Wird als Bearer-Token der voiceCalls-Anfrage gesendet, die den VoiceCall anlegt. Die Funktion von Salesforce erzeugt eines pro Anfrage: 5 Minuten, mit jti.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the time of signing</source>
        <translation>der Zeitpunkt der Signatur</translation>
    </message>
    <message>
        <source>iat + %1</source>
        <translation>iat + %1</translation>
    </message>
    <message>
        <source>org id, Org &amp; credentials page</source>
        <translation>Org-ID, Seite „Org und Zugangsdaten“</translation>
    </message>
    <message>
        <source>Call Center API name, Org &amp; credentials page</source>
        <translation>Call-Center-API-Name, Seite „Org und Zugangsdaten“</translation>
    </message>
    <message>
        <source>a new UUID for every token</source>
        <translation>eine neue UUID für jedes Token</translation>
    </message>
    <message>
        <source>additional claim</source>
        <translation>zusätzlicher Claim</translation>
    </message>
    <message>
        <source>(left out)</source>
        <translation>(weggelassen)</translation>
    </message>
    <message>
        <source>not a Salesforce Voice with Telephony Providers customer</source>
        <translation>kein Kunde von Salesforce Voice with Telephony Providers</translation>
    </message>
    <message numerus="yes">
        <source>Copied; the clipboard is cleared in %n s.</source>
        <translation>
            <numerusform>Kopiert; die Zwischenablage wird in %n s gelöscht.</numerusform>
            <numerusform>Kopiert; die Zwischenablage wird in %n s gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Kopiert.</translation>
    </message>
    <message>
        <source>Paste a token above.</source>
        <translation>Fügen Sie oben ein Token ein.</translation>
    </message>
    <message>
        <source>Not a token that can be checked: %1</source>
        <translation>Kein prüfbares Token: %1</translation>
    </message>
    <message>
        <source>the certificate %1 (SHA-256 %2)</source>
        <translation>das Zertifikat %1 (SHA-256 %2)</translation>
    </message>
    <message>
        <source>the project&apos;s key (SHA-256 of the public key %1)</source>
        <translation>der Schlüssel des Projekts (SHA-256 des öffentlichen Schlüssels %1)</translation>
    </message>
    <message>
        <source>Decoded, but not verified: this project has no certificate or key yet. Import one on the Org &amp; credentials page.</source>
        <translation>Dekodiert, aber nicht verifiziert: Dieses Projekt hat noch kein Zertifikat und keinen Schlüssel. Importieren Sie einen auf der Seite „Org und Zugangsdaten“.</translation>
    </message>
    <message>
        <source>Signature valid: signed with the private key of %1.</source>
        <translation>Signatur gültig: signiert mit dem privaten Schlüssel von %1.</translation>
    </message>
    <message>
        <source>Signature NOT valid for %1: %2</source>
        <translation>Signatur NICHT gültig für %1: %2</translation>
    </message>
    <message>
        <source>&amp;Reset to the preset</source>
        <translation>Auf die &amp;Vorgabe zurücksetzen</translation>
    </message>
</context>
<context>
    <name>handoff::pages::UuiPage</name>
    <message>
        <source>octets</source>
        <translation>Oktette</translation>
    </message>
    <message>
        <source>characters (hex)</source>
        <translation>Zeichen (hex)</translation>
    </message>
    <message>
        <source>characters (ascii)</source>
        <translation>Zeichen (ascii)</translation>
    </message>
    <message>
        <source>{ }</source>
        <translation>{ }</translation>
    </message>
    <message>
        <source>PD octet</source>
        <translation>PD-Oktett</translation>
    </message>
    <message>
        <source>header name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Zusammenstellen</translation>
    </message>
    <message>
        <source>UUI header</source>
        <translation>UUI-Header</translation>
    </message>
    <message>
        <source>UUI fields</source>
        <translation>UUI-Felder</translation>
    </message>
    <message>
        <source>orgId</source>
        <translation>orgId</translation>
    </message>
    <message>
        <source>Optional when the token is present: Salesforce then takes the org from the token&apos;s issuer (iss).</source>
        <translation>Optional, wenn das Token vorhanden ist: Salesforce entnimmt die Org dann dem Aussteller (iss) des Tokens.</translation>
    </message>
    <message>
        <source>scrt2Domain</source>
        <translation>scrt2Domain</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>callId</source>
        <translation>callId</translation>
    </message>
    <message>
        <source>The 18-character VoiceCall id. In Architect it comes from the variable bound on the Export page; the value here is a sample for the budget.</source>
        <translation>Die 18-stellige VoiceCall-ID. In Architect kommt sie aus der auf der Export-Seite gebundenen Variable; der Wert hier ist ein Beispiel für das Budget.</translation>
    </message>
    <message>
        <source>0LQ… (18 characters)</source>
        <translation>0LQ… (18 Zeichen)</translation>
    </message>
    <message>
        <source>callId sample value</source>
        <translation>Beispielwert für callId</translation>
    </message>
    <message>
        <source>transactionId</source>
        <translation>transactionId</translation>
    </message>
    <message>
        <source>e.g. order-2026-0122-5489</source>
        <translation>z. B. order-2026-0122-5489</translation>
    </message>
    <message>
        <source>transactionId value</source>
        <translation>Wert von transactionId</translation>
    </message>
    <message>
        <source>orgId and scrt2Domain come from the Org &amp; credentials page, the token from the Token page.</source>
        <translation>orgId und scrt2Domain kommen von der Seite „Org und Zugangsdaten“, das Token von der Token-Seite.</translation>
    </message>
    <message>
        <source>Include orgId</source>
        <translation>orgId aufnehmen</translation>
    </message>
    <message>
        <source>Leave orgId out</source>
        <translation>orgId weglassen</translation>
    </message>
    <message>
        <source>Include callId</source>
        <translation>callId aufnehmen</translation>
    </message>
    <message>
        <source>Leave callId out</source>
        <translation>callId weglassen</translation>
    </message>
    <message>
        <source>Edit callId</source>
        <translation>callId bearbeiten</translation>
    </message>
    <message>
        <source>Include transactionId</source>
        <translation>transactionId aufnehmen</translation>
    </message>
    <message>
        <source>Leave transactionId out</source>
        <translation>transactionId weglassen</translation>
    </message>
    <message>
        <source>Edit transactionId</source>
        <translation>transactionId bearbeiten</translation>
    </message>
    <message>
        <source>Custom parameters</source>
        <translation>Eigene Parameter</translation>
    </message>
    <message>
        <source>Passed on to the Omni-Channel inbound flow, in this order, after the standard fields.</source>
        <translation>Werden in dieser Reihenfolge nach den Standardfeldern an den eingehenden Omni-Channel-Flow weitergegeben.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Nach oben (Alt+Hoch)</translation>
    </message>
    <message>
        <source>Move parameter up</source>
        <translation>Parameter nach oben</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Nach unten (Alt+Runter)</translation>
    </message>
    <message>
        <source>Move parameter down</source>
        <translation>Parameter nach unten</translation>
    </message>
    <message>
        <source>Edit custom parameter</source>
        <translation>Eigenen Parameter bearbeiten</translation>
    </message>
    <message>
        <source>Trunk UUI profile</source>
        <translation>UUI-Profil des Trunks</translation>
    </message>
    <message>
        <source>Hex (what Salesforce documents)</source>
        <translation>Hex (wie von Salesforce dokumentiert)</translation>
    </message>
    <message>
        <source>Ascii</source>
        <translation>Ascii</translation>
    </message>
    <message>
        <source>Prefix octet (receiver strips it)</source>
        <translation>Präfix-Oktett (der Empfänger entfernt es)</translation>
    </message>
    <message>
        <source>pd= parameter</source>
        <translation>pd=-Parameter</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Protocol discriminator octet</source>
        <translation>Oktett des Protocol Discriminator</translation>
    </message>
    <message>
        <source>The protocol discriminator octet. 04 (IA5 characters) is an assumption: Salesforce does not document one.</source>
        <translation>Das Oktett des Protocol Discriminator. 04 (IA5-Zeichen) ist eine Annahme: Salesforce dokumentiert keines.</translation>
    </message>
    <message>
        <source>&amp;Protocol discriminator:</source>
        <translation>&amp;Protocol Discriminator:</translation>
    </message>
    <message>
        <source>Write the encoding= parameter</source>
        <translation>Den Parameter encoding= schreiben</translation>
    </message>
    <message>
        <source>Salesforce states a maximum of 1,024 characters for a SIP header but not what it is measured on. This is an assumption: choose the reading your tests support. The whole header line is the strictest.</source>
        <translation>Salesforce nennt höchstens 1.024 Zeichen für einen SIP-Header, aber nicht, worauf sich das bezieht. Dies ist eine Annahme: Wählen Sie die Lesart, die Ihre Tests stützen. Die ganze Header-Zeile ist die strengste.</translation>
    </message>
    <message>
        <source>Limit applies to</source>
        <translation>Limit gilt für</translation>
    </message>
    <message>
        <source>on</source>
        <translation>auf</translation>
    </message>
    <message>
        <source>&amp;Limit:</source>
        <translation>&amp;Limit:</translation>
    </message>
    <message>
        <source>Change UUI header name</source>
        <translation>Namen des UUI-Headers ändern</translation>
    </message>
    <message>
        <source>Change UUI encoding</source>
        <translation>UUI-Kodierung ändern</translation>
    </message>
    <message>
        <source>Change PD mode</source>
        <translation>PD-Modus ändern</translation>
    </message>
    <message>
        <source>Change protocol discriminator</source>
        <translation>Protocol Discriminator ändern</translation>
    </message>
    <message>
        <source>Change encoding parameter</source>
        <translation>Kodierungsparameter ändern</translation>
    </message>
    <message>
        <source>Edit header parameters</source>
        <translation>Header-Parameter bearbeiten</translation>
    </message>
    <message>
        <source>Change UUI limit</source>
        <translation>UUI-Limit ändern</translation>
    </message>
    <message>
        <source>Change what the limit applies to</source>
        <translation>Ändern, worauf das Limit sich bezieht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Header size&lt;/b&gt;</source>
        <translation>&lt;b&gt;Header-Größe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>UUI header size</source>
        <translation>Größe des UUI-Headers</translation>
    </message>
    <message>
        <source>Ways out</source>
        <translation>Auswege</translation>
    </message>
    <message>
        <source>UUI &amp;JSON (what Set UUI Data sends)</source>
        <translation>UUI-&amp;JSON (was Set UUI Data sendet)</translation>
    </message>
    <message>
        <source>Paste the UUI JSON from a Set UUI Data action, a document or a colleague&apos;s message. It is checked as you type: JSON syntax, typographic quotes, key spelling, each field&apos;s rule and the header size under the trunk profile of this project.</source>
        <translation>Fügen Sie das UUI-JSON aus einer Set-UUI-Data-Aktion, einem Dokument oder der Nachricht einer Kollegin ein. Es wird während der Eingabe geprüft: JSON-Syntax, typografische Anführungszeichen, Schreibweise der Schlüssel, die Regel jedes Felds und die Header-Größe unter dem Trunk-Profil dieses Projekts.</translation>
    </message>
    <message>
        <source>Paste from clip&amp;board</source>
        <translation>Aus der Zwischen&amp;ablage einfügen</translation>
    </message>
    <message>
        <source>&amp;Replace typographic quotes</source>
        <translation>Typografische Anführungszeichen &amp;ersetzen</translation>
    </message>
    <message>
        <source>Replaces “ ” and ‘ ’ with straight quotes so the text is JSON again. Ctrl+Z in the editor undoes it.</source>
        <translation>Ersetzt “ ” und ‘ ’ durch gerade Anführungszeichen, damit der Text wieder JSON ist. Strg+Z im Editor macht es rückgängig.</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Show the messages in the &amp;text</source>
        <translation>Meldungen im &amp;Text zeigen</translation>
    </message>
    <message>
        <source>Paste UUI text here (Ctrl+V)</source>
        <translation>UUI-Text hier einfügen (Strg+V)</translation>
    </message>
    <message>
        <source>Pasted UUI</source>
        <translation>Eingefügte UUI</translation>
    </message>
    <message>
        <source>No problems found in the pasted text.</source>
        <translation>Im eingefügten Text wurden keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Size of the pasted UUI as a header</source>
        <translation>Größe der eingefügten UUI als Header</translation>
    </message>
    <message>
        <source>Add custom parameter</source>
        <translation>Eigenen Parameter hinzufügen</translation>
    </message>
    <message>
        <source>Remove custom parameter %1</source>
        <translation>Eigenen Parameter %1 entfernen</translation>
    </message>
    <message>
        <source>Move custom parameter up</source>
        <translation>Eigenen Parameter nach oben</translation>
    </message>
    <message>
        <source>Move custom parameter down</source>
        <translation>Eigenen Parameter nach unten</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of JSON: the value plus its key, quotes and comma</source>
        <translation>
            <numerusform>%n Byte JSON: der Wert samt Schlüssel, Anführungszeichen und Komma</numerusform>
            <numerusform>%n Bytes JSON: der Wert samt Schlüssel, Anführungszeichen und Komma</numerusform>
        </translation>
    </message>
    <message>
        <source>The braces around the JSON object</source>
        <translation>Die geschweiften Klammern um das JSON-Objekt</translation>
    </message>
    <message>
        <source>Measured on %1 (an assumption you can change in the trunk profile)</source>
        <translation>Gemessen auf %1 (eine Annahme, die Sie im Trunk-Profil ändern können)</translation>
    </message>
    <message>
        <source>not set: enter it on the Org &amp; credentials page</source>
        <translation>nicht gesetzt: Geben Sie es auf der Seite „Org und Zugangsdaten“ ein</translation>
    </message>
    <message>
        <source>No key yet: import or generate one on the Org &amp; credentials page. Until then the size assumes a 2048-bit RS256 token.</source>
        <translation>Noch kein Schlüssel: Importieren oder erzeugen Sie einen auf der Seite „Org und Zugangsdaten“. Bis dahin geht die Größe von einem 2048-Bit-RS256-Token aus.</translation>
    </message>
    <message>
        <source>No token yet: import or generate a key on the Org &amp; credentials page.</source>
        <translation>Noch kein Token: Importieren oder erzeugen Sie einen Schlüssel auf der Seite „Org und Zugangsdaten“.</translation>
    </message>
    <message numerus="yes">
        <source>RS256 token, %n character(s), from the Token page</source>
        <translation>
            <numerusform>RS256-Token, %n Zeichen, von der Token-Seite</numerusform>
            <numerusform>RS256-Token, %n Zeichen, von der Token-Seite</numerusform>
        </translation>
    </message>
    <message>
        <source>Header line %1 characters · header value %2 · data %3 octets (JSON %4 bytes). The limit of %5 is measured on %6.</source>
        <translation>Header-Zeile %1 Zeichen · Header-Wert %2 · Daten %3 Oktette (JSON %4 Bytes). Das Limit von %5 wird gemessen auf %6.</translation>
    </message>
    <message>
        <source>The header fits: %1 of %2 %3 left.</source>
        <translation>Der Header passt: %1 von %2 %3 frei.</translation>
    </message>
    <message>
        <source>The header is %1 %2 over. Each change below says what it saves; Undo takes it back.</source>
        <translation>Der Header ist %1 %2 zu lang. Jede Änderung unten sagt, was sie einspart; Rückgängig nimmt sie zurück.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Not one click</source>
        <translation>Kein Ein-Klick-Ausweg</translation>
    </message>
    <message>
        <source>Apply: %1</source>
        <translation>Anwenden: %1</translation>
    </message>
    <message>
        <source>This needs a new key: generate one on the Org &amp; credentials page.</source>
        <translation>Dafür ist ein neuer Schlüssel nötig: Erzeugen Sie einen auf der Seite „Org und Zugangsdaten“.</translation>
    </message>
    <message>
        <source>Apply way out: %1</source>
        <translation>Ausweg anwenden: %1</translation>
    </message>
    <message>
        <source>Nothing pasted yet.</source>
        <translation>Noch nichts eingefügt.</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>Gültiges JSON.</translation>
    </message>
    <message>
        <source>Not valid JSON.</source>
        <translation>Kein gültiges JSON.</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>Keine Fehler.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s).</source>
        <translation>
            <numerusform>%n Fehler.</numerusform>
            <numerusform>%n Fehler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Typographic quotes can be replaced with straight ones.</source>
        <translation>Typografische Anführungszeichen können durch gerade ersetzt werden.</translation>
    </message>
    <message>
        <source>Check pasted &amp;UUI</source>
        <translation>Eingefügte &amp;UUI prüfen</translation>
    </message>
    <message>
        <source>Hea&amp;der:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>E&amp;ncoding:</source>
        <translation>&amp;Kodierung:</translation>
    </message>
    <message>
        <source>&amp;Other parameters:</source>
        <translation>&amp;Weitere Parameter:</translation>
    </message>
    <message>
        <source>&amp;SIP header as the trunk sends it</source>
        <translation>&amp;SIP-Header, wie ihn der Trunk sendet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The protocol discriminator octet</source>
        <translation>Das Oktett des Protocol Discriminator</translation>
    </message>
</context>
<context>
    <name>handoff::shell::KeychainSecretStore</name>
    <message>
        <source>Keys are kept for this session only, as chosen in the preferences.</source>
        <translation>Schlüssel werden nur für diese Sitzung aufbewahrt, wie in den Einstellungen gewählt.</translation>
    </message>
    <message>
        <source>session memory (no keychain)</source>
        <translation>dem Arbeitsspeicher der Sitzung (kein Schlüsselbund)</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>dem Systemschlüsselbund</translation>
    </message>
    <message>
        <source>No system keychain is available (GNOME Keyring, KWallet or another Secret Service). The private key is kept in memory for this session only: import it again after restarting Handoff Studio.</source>
        <translation>Kein Systemschlüsselbund verfügbar (GNOME Keyring, KWallet oder ein anderer Secret Service). Der private Schlüssel wird nur für diese Sitzung im Arbeitsspeicher gehalten: Importieren Sie ihn nach einem Neustart von Handoff Studio erneut.</translation>
    </message>
    <message>
        <source>The key could not be stored in the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The private key %1 is not in %2.</source>
        <translation>Der private Schlüssel %1 ist nicht in %2.</translation>
    </message>
    <message>
        <source>The key could not be removed from the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>handoff::shell::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>%1 is not about a single field.</source>
        <translation>%1 betrifft kein einzelnes Feld.</translation>
    </message>
    <message>
        <source>No page shows %1 yet.</source>
        <translation>Keine Seite zeigt %1 bisher.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Start a new project (%1)</source>
        <translation>Ein neues Projekt beginnen (%1)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a project (%1)</source>
        <translation>Ein Projekt öffnen (%1)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the project (%1)</source>
        <translation>Das Projekt speichern (%1)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About Handoff Studio</source>
        <translation>&amp;Über Handoff Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>%1[*] — Handoff Studio</source>
        <translation>%1[*] — Handoff Studio</translation>
    </message>
    <message>
        <source>hex</source>
        <translation>hex</translation>
    </message>
    <message>
        <source>ascii</source>
        <translation>ascii</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>UUI header %1 / %2 %3 (%4)</source>
        <translation>UUI-Header %1 / %2 %3 (%4)</translation>
    </message>
    <message>
        <source>, token estimated (no key)</source>
        <translation>, Token geschätzt (kein Schlüssel)</translation>
    </message>
    <message>
        <source>The UUI header fits: %1 to spare.</source>
        <translation>Der UUI-Header passt: %1 übrig.</translation>
    </message>
    <message>
        <source>The UUI header fits, but only %1 remain.</source>
        <translation>Der UUI-Header passt, aber nur noch %1 frei.</translation>
    </message>
    <message>
        <source>The UUI header is %1 over the limit. The UUI header page lists the ways out.</source>
        <translation>Der UUI-Header ist %1 über dem Limit. Die Seite „UUI-Header“ nennt die Auswege.</translation>
    </message>
    <message>
        <source>No private key</source>
        <translation>Kein privater Schlüssel</translation>
    </message>
    <message>
        <source>Key in keychain</source>
        <translation>Schlüssel im Schlüsselbund</translation>
    </message>
    <message>
        <source>Key for this session only</source>
        <translation>Schlüssel nur für diese Sitzung</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>About Handoff Studio</source>
        <translation>Über Handoff Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Handoff Studio %1&lt;/h3&gt;&lt;p&gt;Design, check and export the SIP handoff of live calls from Genesys Cloud to a Salesforce Agentforce Voice agent: org credentials, signed tokens, the User-to-User header and its size budget, and the Set UUI Data expression for Architect.&lt;/p&gt;&lt;p&gt;Private keys are kept in the system keychain or in memory, never in project files.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Handoff Studio %1&lt;/h3&gt;&lt;p&gt;Entwerfen, prüfen und exportieren Sie die SIP-Übergabe von Live-Anrufen aus Genesys Cloud an einen Salesforce-Agentforce-Voice-Agenten: Org-Zugangsdaten, signierte Tokens, den User-to-User-Header und sein Größenbudget sowie den Set-UUI-Data-Ausdruck für Architect.&lt;/p&gt;&lt;p&gt;Private Schlüssel werden im Systemschlüsselbund oder im Arbeitsspeicher aufbewahrt, nie in Projektdateien.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Keine Probleme.</translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation>&amp;Nächstes Problem</translation>
    </message>
    <message>
        <source>Pre&amp;vious Problem</source>
        <translation>&amp;Vorheriges Problem</translation>
    </message>
</context>
<context>
    <name>handoff::shell::PreferencesDialog</name>
    <message>
        <source>&amp;Hide token signatures in logs</source>
        <translation>Token-Signaturen in Logs &amp;verbergen</translation>
    </message>
    <message>
        <source>&amp;Keep private keys for this session only (do not use the keychain)</source>
        <translation>Private Schlüssel nur für diese &amp;Sitzung aufbewahren (Schlüsselbund nicht verwenden)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies after restarting Handoff Studio.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von Handoff Studio.</translation>
    </message>
    <message>
        <source>&amp;Clear copied tokens after:</source>
        <translation>Kopierte Tokens &amp;löschen nach:</translation>
    </message>
    <message>
        <source>Keychain changes apply after restarting Handoff Studio.</source>
        <translation>Änderungen am Schlüsselbund gelten nach einem Neustart von Handoff Studio.</translation>
    </message>
</context>
<context>
    <name>handoff::shell::ProblemsDock</name>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 Hinweis</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 Hinweise</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
</context>
<context>
    <name>handoff::shell::ProblemsModel</name>
    <message>
        <source>Org id</source>
        <translation>Org-ID</translation>
    </message>
    <message>
        <source>SCRT2 domain</source>
        <translation>SCRT2-Domain</translation>
    </message>
    <message>
        <source>SCRT2 base URL</source>
        <translation>SCRT2-Basis-URL</translation>
    </message>
    <message>
        <source>Call Center API name</source>
        <translation>Call-Center-API-Name</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Kundentyp</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>UUI header size</source>
        <translation>Größe des UUI-Headers</translation>
    </message>
    <message>
        <source>UUI token</source>
        <translation>UUI-Token</translation>
    </message>
    <message>
        <source>UUI orgId</source>
        <translation>UUI-orgId</translation>
    </message>
    <message>
        <source>UUI scrt2Domain</source>
        <translation>UUI-scrt2Domain</translation>
    </message>
    <message>
        <source>UUI callId</source>
        <translation>UUI-callId</translation>
    </message>
    <message>
        <source>UUI transactionId</source>
        <translation>UUI-transactionId</translation>
    </message>
    <message>
        <source>Token claim %1</source>
        <translation>Token-Claim %1</translation>
    </message>
    <message>
        <source>Trunk setting %1</source>
        <translation>Trunk-Einstellung %1</translation>
    </message>
    <message>
        <source>Export setting %1</source>
        <translation>Export-Einstellung %1</translation>
    </message>
    <message>
        <source>UUI parameter %1</source>
        <translation>UUI-Parameter %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
</context>
<context>
    <name>handoff::shell::ProjectController</name>
    <message>
        <source>Handoff Studio projects (*.%1)</source>
        <translation>Handoff-Studio-Projekte (*.%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Could Not Open Project</source>
        <translation>Projekt konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>“%1” could not be opened.

%2 (%3)

The file has not been changed.</source>
        <translation>„%1“ konnte nicht geöffnet werden.

%2 (%3)

Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Opened %1 (converted from file version %2; saving writes version %3)</source>
        <translation>%1 geöffnet (aus Dateiversion %2 umgewandelt; beim Speichern wird Version %3 geschrieben)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Could Not Save Project</source>
        <translation>Projekt konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The project could not be saved to “%1”.

%2

The file on disk has not been changed. Choose Save As to save it elsewhere.</source>
        <translation>Das Projekt konnte nicht unter „%1“ gespeichert werden.

%2

Die Datei auf dem Datenträger wurde nicht verändert. Wählen Sie „Speichern unter“, um es an anderer Stelle zu speichern.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>einem unbenannten Projekt</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>unbekannter Zeit</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Handoff Studio did not close properly last time. Unsaved changes to %1 from %2 were kept.

Recover them? If you don&apos;t, they are discarded.</source>
        <translation>Handoff Studio wurde beim letzten Mal nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an %1 vom %2 wurden aufbewahrt.

Wiederherstellen? Andernfalls werden sie verworfen.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Could Not Recover</source>
        <translation>Wiederherstellung nicht möglich</translation>
    </message>
    <message>
        <source>The recovery copy could not be read: %1</source>
        <translation>Die Wiederherstellungskopie konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Recovered unsaved changes; save to keep them.</source>
        <translation>Ungespeicherte Änderungen wiederhergestellt; speichern Sie, um sie zu behalten.</translation>
    </message>
</context>
<context>
    <name>handoff::shell::WidgetDialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
</context>
<context>
    <name>handoff::shell::Workspace</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>The certificate %1 could not be read: %2</source>
        <translation>Das Zertifikat %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The private key of this project was not found in %1. Import it again on the Org &amp; credentials page.</source>
        <translation>Der private Schlüssel dieses Projekts wurde in %1 nicht gefunden. Importieren Sie ihn erneut auf der Seite „Org und Zugangsdaten“.</translation>
    </message>
    <message>
        <source>The key file %1 was not opened: %2 Import it on the Org &amp; credentials page.</source>
        <translation>Die Schlüsseldatei %1 wurde nicht geöffnet: %2 Importieren Sie sie auf der Seite „Org und Zugangsdaten“.</translation>
    </message>
    <message>
        <source>The private key does not belong to the certificate. Import the key the certificate was made from, or generate a new pair and upload its certificate to Salesforce.</source>
        <translation>Der private Schlüssel gehört nicht zum Zertifikat. Importieren Sie den Schlüssel, aus dem das Zertifikat erstellt wurde, oder erzeugen Sie ein neues Paar und laden Sie dessen Zertifikat in Salesforce hoch.</translation>
    </message>
</context>
<context>
    <name>handoff::widgets::BudgetBar</name>
    <message>
        <source>Size budget</source>
        <translation>Größenbudget</translation>
    </message>
    <message>
        <source>JSON syntax and header</source>
        <translation>JSON-Syntax und Header</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>%1 %2, no limit set</source>
        <translation>%1 %2, kein Limit gesetzt</translation>
    </message>
    <message>
        <source>%1 / %2 %3: %4 over</source>
        <translation>%1 / %2 %3: %4 zu viel</translation>
    </message>
    <message>
        <source>%1 / %2 %3: %4 left</source>
        <translation>%1 / %2 %3: %4 frei</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1% of the total</source>
        <translation>%1 % der Gesamtlänge</translation>
    </message>
    <message>
        <source>%1% of the limit</source>
        <translation>%1 % des Limits</translation>
    </message>
    <message>
        <source>Braces, quotes, key names and separators of the JSON, plus the header&apos;s prefix and parameters</source>
        <translation>Klammern, Anführungszeichen, Schlüsselnamen und Trennzeichen des JSON sowie Präfix und Parameter des Headers</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>Limit %1</translation>
    </message>
    <message>
        <source>Limit: %1 %2</source>
        <translation>Limit: %1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
</context>
<context>
    <name>handoff::widgets::DiagnosticList</name>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Line %1, column %2 · %3</source>
        <translation>Zeile %1, Spalte %2 · %3</translation>
    </message>
</context>
<context>
    <name>handoff::widgets::JsonEditor</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
</context>
<context>
    <name>handoff::widgets::JwtView</name>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <source>Expires (at most 24 h after issue)</source>
        <translation>Läuft ab (höchstens 24 h nach Ausstellung)</translation>
    </message>
    <message>
        <source>Not valid before</source>
        <translation>Nicht gültig vor</translation>
    </message>
    <message>
        <source>Issuer: the org id the certificate is registered in</source>
        <translation>Aussteller: die Org-ID, in der das Zertifikat registriert ist</translation>
    </message>
    <message>
        <source>Subject: the Call Center API name</source>
        <translation>Subjekt: der Call-Center-API-Name</translation>
    </message>
    <message>
        <source>Token id: Salesforce accepts this token only once</source>
        <translation>Token-ID: Salesforce akzeptiert dieses Token nur einmal</translation>
    </message>
    <message>
        <source>Audience (older API versions only)</source>
        <translation>Zielgruppe (nur ältere API-Versionen)</translation>
    </message>
    <message>
        <source>Signature algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <source>Token type</source>
        <translation>Token-Typ</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Decoded header</source>
        <translation>Dekodierter Header</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Decoded claims</source>
        <translation>Dekodierte Claims</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Signature (RS256)</source>
        <translation>Signatur (RS256)</translation>
    </message>
    <message numerus="yes">
        <source>A JWT has three parts separated by dots; this text has %n part(s).</source>
        <translation>
            <numerusform>Ein JWT hat drei durch Punkte getrennte Teile; dieser Text hat %n Teil.</numerusform>
            <numerusform>Ein JWT hat drei durch Punkte getrennte Teile; dieser Text hat %n Teile.</numerusform>
        </translation>
    </message>
    <message>
        <source>The header is not Base64url-encoded JSON (%1).</source>
        <translation>Der Header ist kein Base64url-kodiertes JSON (%1).</translation>
    </message>
    <message>
        <source>The payload is not Base64url-encoded JSON (%1).</source>
        <translation>Die Nutzdaten sind kein Base64url-kodiertes JSON (%1).</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No expiry (exp) claim: Salesforce rejects such a token.</source>
        <translation>Kein Ablauf-Claim (exp): Salesforce lehnt ein solches Token ab.</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Läuft ab %1</translation>
    </message>
    <message>
        <source>Expires in %1 (%2)</source>
        <translation>Läuft ab in %1 (%2)</translation>
    </message>
    <message>
        <source>Expired %1 ago (%2)</source>
        <translation>Abgelaufen vor %1 (%2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design, check and export the SIP handoff from Genesys Cloud to Agentforce Voice.</source>
        <translation>SIP-Übergabe von Genesys Cloud an Agentforce Voice entwerfen, prüfen und exportieren.</translation>
    </message>
    <message>
        <source>The .handoff project to open.</source>
        <translation>Das zu öffnende .handoff-Projekt.</translation>
    </message>
</context>
</TS>
