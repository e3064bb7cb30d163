<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>handoff::crypto</name>
    <message>
        <source>The certificate is cut short: its -----END CERTIFICATE----- line is missing. Copy the whole file.</source>
        <translation>Das Zertifikat ist abgeschnitten: Die Zeile -----END CERTIFICATE----- fehlt. Kopieren Sie die ganze Datei.</translation>
    </message>
    <message>
        <source>The certificate PEM is damaged and cannot be read. Export it again.</source>
        <translation>Das Zertifikat-PEM ist beschädigt und kann nicht gelesen werden. Exportieren Sie es erneut.</translation>
    </message>
    <message>
        <source>This is a private key, not a certificate. Choose the certificate (.crt or .pem with -----BEGIN CERTIFICATE-----).</source>
        <translation>Das ist ein privater Schlüssel, kein Zertifikat. Wählen Sie das Zertifikat (.crt oder .pem mit -----BEGIN CERTIFICATE-----).</translation>
    </message>
    <message>
        <source>This is not a certificate (neither PEM nor DER). Choose the certificate file that was uploaded to Salesforce.</source>
        <translation>Das ist kein Zertifikat (weder PEM noch DER). Wählen Sie die Zertifikatsdatei, die in Salesforce hochgeladen wurde.</translation>
    </message>
    <message>
        <source>Cannot read the certificate file %1: %2.</source>
        <translation>Die Zertifikatsdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The certificate expired on %1. Tokens it verifies are refused: generate a new key pair and register the new certificate in Salesforce.</source>
        <translation>Das Zertifikat ist am %1 abgelaufen. Damit geprüfte Tokens werden abgelehnt: Erzeugen Sie ein neues Schlüsselpaar und registrieren Sie das neue Zertifikat in Salesforce.</translation>
    </message>
    <message>
        <source>The certificate is not valid before %1. Check the computer&apos;s clock, or wait until then.</source>
        <translation>Das Zertifikat ist erst ab %1 gültig. Prüfen Sie die Uhr des Computers oder warten Sie bis dahin.</translation>
    </message>
    <message>
        <source>The certificate expires on %1, in less than %2 days. Plan a new key pair and register its certificate before then.</source>
        <translation>Das Zertifikat läuft am %1 ab, in weniger als %2 Tagen. Planen Sie vorher ein neues Schlüsselpaar ein und registrieren Sie dessen Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate is signed with %1, a weak digest. Generate a new certificate with SHA-256.</source>
        <translation>Das Zertifikat ist mit %1 signiert, einem schwachen Hashverfahren. Erzeugen Sie ein neues Zertifikat mit SHA-256.</translation>
    </message>
    <message>
        <source>%1 bits is not offered; choose 2048 (recommended), 3072 or 4096 (1024 only for old setups: it is deprecated).</source>
        <translation>%1 Bit werden nicht angeboten; wählen Sie 2048 (empfohlen), 3072 oder 4096 (1024 nur für alte Installationen: veraltet).</translation>
    </message>
    <message>
        <source>A validity of %1 days is out of range; choose 1 to 3650 (365 is usual).</source>
        <translation>Eine Gültigkeit von %1 Tagen liegt außerhalb des Bereichs; wählen Sie 1 bis 3650 (365 ist üblich).</translation>
    </message>
    <message>
        <source>The certificate needs a common name (CN), for example your company or integration name.</source>
        <translation>Das Zertifikat braucht einen Common Name (CN), zum Beispiel den Namen Ihres Unternehmens oder der Integration.</translation>
    </message>
    <message>
        <source>The common name has more than 64 bytes, the X.509 limit; shorten it.</source>
        <translation>Der Common Name ist länger als 64 Byte, die Grenze von X.509; kürzen Sie ihn.</translation>
    </message>
    <message>
        <source>Could not %1: %2.</source>
        <translation>Fehler beim Schritt „%1“: %2.</translation>
    </message>
    <message>
        <source>generate the RSA key</source>
        <translation>RSA-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>create the certificate</source>
        <translation>Zertifikat anlegen</translation>
    </message>
    <message>
        <source>make a serial number</source>
        <translation>Seriennummer bilden</translation>
    </message>
    <message>
        <source>set the validity</source>
        <translation>Gültigkeit setzen</translation>
    </message>
    <message>
        <source>set the certificate&apos;s name and key</source>
        <translation>Name und Schlüssel des Zertifikats setzen</translation>
    </message>
    <message>
        <source>add the certificate extensions</source>
        <translation>Zertifikatserweiterungen hinzufügen</translation>
    </message>
    <message>
        <source>sign the certificate</source>
        <translation>Zertifikat signieren</translation>
    </message>
    <message>
        <source>The key and the certificate need two different files.</source>
        <translation>Schlüssel und Zertifikat brauchen zwei verschiedene Dateien.</translation>
    </message>
    <message>
        <source>%1 already exists and is left as it is. Choose another file name, or move the old file away first (a key that is replaced cannot be recovered).</source>
        <translation>%1 existiert bereits und bleibt unverändert. Wählen Sie einen anderen Dateinamen oder verschieben Sie die alte Datei zuerst (ein ersetzter Schlüssel lässt sich nicht wiederherstellen).</translation>
    </message>
    <message>
        <source>This is not a PEM public key (it should start with -----BEGIN PUBLIC KEY-----). Use the certificate or the public key exported from the private key.</source>
        <translation>Das ist kein PEM-Public-Key (er sollte mit -----BEGIN PUBLIC KEY----- beginnen). Verwenden Sie das Zertifikat oder den aus dem privaten Schlüssel exportierten öffentlichen Schlüssel.</translation>
    </message>
    <message>
        <source>The public key PEM is cut short: its -----END %1----- line is missing. Copy the whole file.</source>
        <translation>Das PEM des öffentlichen Schlüssels ist abgeschnitten: Die Zeile -----END %1----- fehlt. Kopieren Sie die ganze Datei.</translation>
    </message>
    <message>
        <source>The public key PEM is damaged and cannot be read. Export it again.</source>
        <translation>Das PEM des öffentlichen Schlüssels ist beschädigt und kann nicht gelesen werden. Exportieren Sie ihn erneut.</translation>
    </message>
    <message>
        <source>This is not a private key: no -----BEGIN PRIVATE KEY----- block was found. Choose the key file (.key or .pem) made with the certificate.</source>
        <translation>Das ist kein privater Schlüssel: Es wurde kein Block -----BEGIN PRIVATE KEY----- gefunden. Wählen Sie die Schlüsseldatei (.key oder .pem), die zusammen mit dem Zertifikat erstellt wurde.</translation>
    </message>
    <message>
        <source>This is a certificate, not a private key. Choose the private key file that was made together with it.</source>
        <translation>Das ist ein Zertifikat, kein privater Schlüssel. Wählen Sie die Datei des privaten Schlüssels, die zusammen mit ihm erstellt wurde.</translation>
    </message>
    <message>
        <source>This is a public key; signing needs the private key. Choose the private key file.</source>
        <translation>Das ist ein öffentlicher Schlüssel; zum Signieren wird der private Schlüssel gebraucht. Wählen Sie die Datei des privaten Schlüssels.</translation>
    </message>
    <message>
        <source>This PEM holds a %1, not a private key. Choose the private key file.</source>
        <translation>Dieses PEM enthält „%1“, keinen privaten Schlüssel. Wählen Sie die Datei des privaten Schlüssels.</translation>
    </message>
    <message>
        <source>The private key is cut short: its -----END %1----- line is missing. Copy the whole file, from -----BEGIN to -----END.</source>
        <translation>Der private Schlüssel ist abgeschnitten: Die Zeile -----END %1----- fehlt. Kopieren Sie die ganze Datei, von -----BEGIN bis -----END.</translation>
    </message>
    <message>
        <source>The private key is encrypted; give its passphrase (in the command line tool: the HANDOFF_KEY_PASSPHRASE environment variable or the prompt).</source>
        <translation>Der private Schlüssel ist verschlüsselt; geben Sie seine Passphrase an (im Kommandozeilenwerkzeug: die Umgebungsvariable HANDOFF_KEY_PASSPHRASE oder die Eingabeaufforderung).</translation>
    </message>
    <message>
        <source>The passphrase does not open this private key (or the key is damaged). Check the passphrase and try again.</source>
        <translation>Die Passphrase öffnet diesen privaten Schlüssel nicht (oder der Schlüssel ist beschädigt). Prüfen Sie die Passphrase und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The private key&apos;s content is damaged or incomplete and cannot be read. Copy the whole file again, without changes.</source>
        <translation>Der Inhalt des privaten Schlüssels ist beschädigt oder unvollständig und kann nicht gelesen werden. Kopieren Sie die ganze Datei erneut, ohne Änderungen.</translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2.</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>There is no key to write.</source>
        <translation>Es gibt keinen Schlüssel zum Schreiben.</translation>
    </message>
    <message>
        <source>OpenSSL cannot encode this key as PKCS#8 (%1).</source>
        <translation>OpenSSL kann diesen Schlüssel nicht als PKCS#8 kodieren (%1).</translation>
    </message>
    <message>
        <source>OpenSSL cannot encrypt the key (%1).</source>
        <translation>OpenSSL kann den Schlüssel nicht verschlüsseln (%1).</translation>
    </message>
    <message>
        <source>OpenSSL cannot encode the key (%1).</source>
        <translation>OpenSSL kann den Schlüssel nicht kodieren (%1).</translation>
    </message>
    <message>
        <source>This is an %1 key; Salesforce tokens are signed with RS256, which needs an RSA key. Generate an RSA key (2048 bits) and register its certificate.</source>
        <translation>Das ist ein %1-Schlüssel; Salesforce-Tokens werden mit RS256 signiert, das einen RSA-Schlüssel braucht. Erzeugen Sie einen RSA-Schlüssel (2048 Bit) und registrieren Sie sein Zertifikat.</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits; RS256 needs at least 1024, and 2048 is recommended. Generate a new 2048-bit key.</source>
        <translation>Der RSA-Schlüssel hat nur %1 Bit; RS256 braucht mindestens 1024, empfohlen sind 2048. Erzeugen Sie einen neuen 2048-Bit-Schlüssel.</translation>
    </message>
    <message>
        <source>The RSA key has %1 bits. 1024-bit keys are deprecated and being dropped by Salesforce; generate a 2048-bit key and register its certificate.</source>
        <translation>Der RSA-Schlüssel hat %1 Bit. 1024-Bit-Schlüssel sind veraltet und werden von Salesforce abgeschafft; erzeugen Sie einen 2048-Bit-Schlüssel und registrieren Sie sein Zertifikat.</translation>
    </message>
    <message>
        <source>No private key was given.</source>
        <translation>Es wurde kein privater Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>The key file %1 can be read by other users of this computer. Restrict it to its owner (chmod 600 on Linux and macOS).</source>
        <translation>Die Schlüsseldatei %1 kann von anderen Benutzern dieses Computers gelesen werden. Beschränken Sie sie auf ihren Eigentümer (chmod 600 unter Linux und macOS).</translation>
    </message>
    <message>
        <source>The key&apos;s passphrase protection asks for %1 key-derivation iterations, more than the %2 this app accepts (common tools use 2,048 to 600,000). Re-encrypt the key with fewer, for example `openssl pkcs8 -topk8 -iter 600000`.</source>
        <translation>Der Passphrasenschutz des Schlüssels verlangt %1 Iterationen der Schlüsselableitung, mehr als die %2, die diese App annimmt (übliche Werkzeuge verwenden 2.048 bis 600.000). Verschlüsseln Sie den Schlüssel mit weniger neu, zum Beispiel `openssl pkcs8 -topk8 -iter 600000`.</translation>
    </message>
</context>
<context>
    <name>handoff::diagnostics</name>
    <message>
        <source>The key or certificate file cannot be read.</source>
        <translation>Die Schlüssel- oder Zertifikatsdatei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file is not a private key; choose the key file.</source>
        <translation>Die Datei ist kein privater Schlüssel; wählen Sie die Schlüsseldatei.</translation>
    </message>
    <message>
        <source>The key or certificate is cut short or damaged; copy the whole file.</source>
        <translation>Schlüssel oder Zertifikat ist abgeschnitten oder beschädigt; kopieren Sie die ganze Datei.</translation>
    </message>
    <message>
        <source>The private key is encrypted; give its passphrase.</source>
        <translation>Der private Schlüssel ist verschlüsselt; geben Sie seine Passphrase an.</translation>
    </message>
    <message>
        <source>The passphrase does not open the private key.</source>
        <translation>Die Passphrase öffnet den privaten Schlüssel nicht.</translation>
    </message>
    <message>
        <source>RS256 needs an RSA key; this key is of another type.</source>
        <translation>RS256 braucht einen RSA-Schlüssel; dieser Schlüssel hat einen anderen Typ.</translation>
    </message>
    <message>
        <source>1024-bit RSA keys are deprecated; use 2048 bits.</source>
        <translation>1024-Bit-RSA-Schlüssel sind veraltet; verwenden Sie 2048 Bit.</translation>
    </message>
    <message>
        <source>The RSA key is smaller than 1024 bits; use 2048 bits.</source>
        <translation>Der RSA-Schlüssel ist kleiner als 1024 Bit; verwenden Sie 2048 Bit.</translation>
    </message>
    <message>
        <source>The private key and the certificate do not belong together.</source>
        <translation>Privater Schlüssel und Zertifikat gehören nicht zusammen.</translation>
    </message>
    <message>
        <source>The certificate has expired; register a new one.</source>
        <translation>Das Zertifikat ist abgelaufen; registrieren Sie ein neues.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>Das Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The certificate expires within 30 days; plan its replacement.</source>
        <translation>Das Zertifikat läuft innerhalb von 30 Tagen ab; planen Sie seinen Ersatz.</translation>
    </message>
    <message>
        <source>The file is not an X.509 certificate (PEM or DER).</source>
        <translation>Die Datei ist kein X.509-Zertifikat (PEM oder DER).</translation>
    </message>
    <message>
        <source>Key generation options are out of range (bits, days, common name).</source>
        <translation>Optionen der Schlüsselerzeugung liegen außerhalb des Bereichs (Bit, Tage, Common Name).</translation>
    </message>
    <message>
        <source>The output file exists; it is never overwritten.</source>
        <translation>Die Ausgabedatei existiert; sie wird nie überschrieben.</translation>
    </message>
    <message>
        <source>The certificate is signed with a weak digest (SHA-1 or MD5).</source>
        <translation>Das Zertifikat ist mit einem schwachen Hashverfahren signiert (SHA-1 oder MD5).</translation>
    </message>
    <message>
        <source>The key file can be read by other users; restrict it to its owner.</source>
        <translation>Die Schlüsseldatei kann von anderen Benutzern gelesen werden; beschränken Sie sie auf ihren Eigentümer.</translation>
    </message>
    <message>
        <source>OpenSSL failed to generate or encode the key.</source>
        <translation>OpenSSL konnte den Schlüssel nicht erzeugen oder kodieren.</translation>
    </message>
    <message>
        <source>The file is not a PEM public key.</source>
        <translation>Die Datei ist kein PEM-Public-Key.</translation>
    </message>
    <message>
        <source>A flow variable name must have the form Scope.name (for example Flow.uuiToken); correct it.</source>
        <translation>Ein Flow-Variablenname muss die Form Bereich.name haben (zum Beispiel Flow.uuiToken); korrigieren Sie ihn.</translation>
    </message>
    <message>
        <source>Call.* variables are Genesys built-ins; bind the value to a Flow. or Task. variable you set.</source>
        <translation>Call.*-Variablen sind in Genesys eingebaut; binden Sie den Wert an eine Flow.- oder Task.-Variable, die Sie setzen.</translation>
    </message>
    <message>
        <source>The token is pasted as a literal and stops working when it expires; bind it to a flow variable or plan to replace it.</source>
        <translation>Das Token ist als Literal eingefügt und funktioniert nach seinem Ablauf nicht mehr; binden Sie es an eine Flow-Variable oder planen Sie seinen Austausch.</translation>
    </message>
    <message>
        <source>The token and callId are bound to the same variable; give each its own.</source>
        <translation>Token und callId sind an dieselbe Variable gebunden; geben Sie jedem eine eigene.</translation>
    </message>
    <message>
        <source>An Architect expression has a syntax error at the marked character.</source>
        <translation>Ein Architect-Ausdruck hat einen Syntaxfehler am markierten Zeichen.</translation>
    </message>
    <message>
        <source>An expression uses a function or operator the simulator does not model; it is not guessed.</source>
        <translation>Ein Ausdruck verwendet eine Funktion oder einen Operator, den der Simulator nicht nachbildet; es wird nicht geraten.</translation>
    </message>
    <message>
        <source>An expression mixes types or uses a NOT_SET value where Architect does not accept one.</source>
        <translation>Ein Ausdruck mischt Typen oder verwendet einen NOT_SET-Wert, wo Architect keinen annimmt.</translation>
    </message>
    <message>
        <source>An expression names a variable the flow does not declare.</source>
        <translation>Ein Ausdruck nennt eine Variable, die der Flow nicht deklariert.</translation>
    </message>
    <message>
        <source>The flow section of the project file has a key this version ignores.</source>
        <translation>Der Flow-Abschnitt der Projektdatei hat einen Schlüssel, den diese Version ignoriert.</translation>
    </message>
    <message>
        <source>A field of the flow in the project file has the wrong type or an unknown value.</source>
        <translation>Ein Feld des Flows in der Projektdatei hat den falschen Typ oder einen unbekannten Wert.</translation>
    </message>
    <message>
        <source>A Transfer to Number can be reached before the VoiceCall is created.</source>
        <translation>Ein Transfer to Number kann erreicht werden, bevor der VoiceCall angelegt ist.</translation>
    </message>
    <message>
        <source>A Transfer to Number can be reached without Set UUI Data (For Transfers) before it.</source>
        <translation>Ein Transfer to Number kann ohne vorheriges Set UUI Data (For Transfers) erreicht werden.</translation>
    </message>
    <message>
        <source>The UUI&apos;s callId does not come from the Call Data Action&apos;s output.</source>
        <translation>Die callId der UUI stammt nicht aus der Ausgabe der Call Data Action.</translation>
    </message>
    <message>
        <source>A path ends without a transfer, a disconnect or a jump.</source>
        <translation>Ein Pfad endet ohne Transfer, Disconnect oder Sprung.</translation>
    </message>
    <message>
        <source>A failure or timeout path is missing or empty.</source>
        <translation>Ein Fehler- oder Timeout-Pfad fehlt oder ist leer.</translation>
    </message>
    <message>
        <source>The transfer number is not in E.164 form.</source>
        <translation>Die Transfernummer ist nicht im E.164-Format.</translation>
    </message>
    <message>
        <source>Set Post-Flow does not target the Caller.</source>
        <translation>Set Post-Flow zielt nicht auf den Anrufer (Caller).</translation>
    </message>
    <message>
        <source>An action cannot be reached by any call.</source>
        <translation>Eine Aktion kann von keinem Anruf erreicht werden.</translation>
    </message>
    <message>
        <source>A variable is read where it may not be set yet.</source>
        <translation>Eine Variable wird gelesen, wo sie möglicherweise noch nicht gesetzt ist.</translation>
    </message>
    <message>
        <source>A loop has no way out and runs into the 10,000-action limit.</source>
        <translation>Eine Schleife hat keinen Ausgang und läuft in das Limit von 10.000 Aktionen.</translation>
    </message>
    <message>
        <source>A loop leaves only when an outcome changes; it could reach the 10,000-action limit.</source>
        <translation>Eine Schleife endet nur, wenn sich ein Ergebnis ändert; sie könnte das Limit von 10.000 Aktionen erreichen.</translation>
    </message>
    <message>
        <source>A data action input name is not flat or is given twice.</source>
        <translation>Ein Eingabename einer Datenaktion ist nicht flach oder doppelt angegeben.</translation>
    </message>
    <message>
        <source>A data action input name is reserved by Genesys.</source>
        <translation>Ein Eingabename einer Datenaktion ist von Genesys reserviert.</translation>
    </message>
    <message>
        <source>The flow&apos;s structure is broken: no start, a duplicate id, or a path to a missing action.</source>
        <translation>Die Struktur des Flows ist defekt: kein Start, eine doppelte ID oder ein Pfad zu einer fehlenden Aktion.</translation>
    </message>
    <message>
        <source>An action writes to a read-only built-in Call variable.</source>
        <translation>Eine Aktion schreibt in eine schreibgeschützte eingebaute Call-Variable.</translation>
    </message>
    <message>
        <source>Set UUI Data does not use the User-to-User option.</source>
        <translation>Set UUI Data verwendet nicht die Option User-to-User.</translation>
    </message>
    <message>
        <source>A simulated call stopped in an error: Architect&apos;s error handling takes it.</source>
        <translation>Ein simulierter Anruf endete in einem Fehler: Die Fehlerbehandlung von Architect übernimmt ihn.</translation>
    </message>
    <message>
        <source>The UUI does not fit the SIP header limit, so the transfer is taken to fail.</source>
        <translation>Die UUI passt nicht in das Limit des SIP-Headers, daher wird angenommen, dass der Transfer fehlschlägt.</translation>
    </message>
    <message>
        <source>The UUI token had expired when the call was transferred.</source>
        <translation>Das UUI-Token war beim Transfer des Anrufs abgelaufen.</translation>
    </message>
    <message>
        <source>A single-use UUI token (with jti) was presented a second time.</source>
        <translation>Ein Einmal-UUI-Token (mit jti) wurde ein zweites Mal vorgelegt.</translation>
    </message>
    <message>
        <source>The transfer&apos;s INVITE carries no UUI.</source>
        <translation>Das INVITE des Transfers enthält keine UUI.</translation>
    </message>
    <message>
        <source>A simulated call ran into Architect&apos;s 10,000-action limit.</source>
        <translation>Ein simulierter Anruf lief in das Limit von Architect von 10.000 Aktionen.</translation>
    </message>
    <message>
        <source>A combination of data-action and transfer outcomes ends badly.</source>
        <translation>Eine Kombination aus Ergebnissen von Datenaktion und Transfer endet schlecht.</translation>
    </message>
    <message>
        <source>In the time window, transfers start failing (for example when a reused token expires).</source>
        <translation>Im Zeitfenster beginnen Transfers fehlzuschlagen (zum Beispiel wenn ein wiederverwendetes Token abläuft).</translation>
    </message>
    <message>
        <source>The far end refused the transfer (scripted).</source>
        <translation>Die Gegenstelle hat den Transfer abgelehnt (skriptgesteuert).</translation>
    </message>
    <message>
        <source>The token is not a compact JWT (three dot-separated parts).</source>
        <translation>Das Token ist kein kompaktes JWT (drei durch Punkte getrennte Teile).</translation>
    </message>
    <message>
        <source>A part of the token is not base64url.</source>
        <translation>Ein Teil des Tokens ist nicht base64url.</translation>
    </message>
    <message>
        <source>The token&apos;s header or payload is not a JSON object.</source>
        <translation>Header oder Nutzdaten des Tokens sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The token is unsigned (alg &quot;none&quot;) and is refused.</source>
        <translation>Das Token ist unsigniert (alg &quot;none&quot;) und wird abgelehnt.</translation>
    </message>
    <message>
        <source>The token&apos;s alg is not RS256.</source>
        <translation>Der alg des Tokens ist nicht RS256.</translation>
    </message>
    <message>
        <source>The token&apos;s typ is not &quot;JWT&quot;.</source>
        <translation>Der typ des Tokens ist nicht &quot;JWT&quot;.</translation>
    </message>
    <message>
        <source>The signature does not verify with the given certificate or key.</source>
        <translation>Die Signatur lässt sich mit dem angegebenen Zertifikat oder Schlüssel nicht verifizieren.</translation>
    </message>
    <message>
        <source>The token has no exp claim.</source>
        <translation>Das Token hat keinen exp-Claim.</translation>
    </message>
    <message>
        <source>exp is more than 24 hours after iat; Salesforce refuses it.</source>
        <translation>exp liegt mehr als 24 Stunden nach iat; Salesforce lehnt das ab.</translation>
    </message>
    <message>
        <source>The token has expired.</source>
        <translation>Das Token ist abgelaufen.</translation>
    </message>
    <message>
        <source>iat is in the future by more than the allowed clock skew.</source>
        <translation>iat liegt um mehr als die erlaubte Uhrenabweichung in der Zukunft.</translation>
    </message>
    <message>
        <source>The token has no iat claim.</source>
        <translation>Das Token hat keinen iat-Claim.</translation>
    </message>
    <message>
        <source>The token has no iss claim (the org id).</source>
        <translation>Das Token hat keinen iss-Claim (die Org-ID).</translation>
    </message>
    <message>
        <source>iss is not a valid Salesforce org id.</source>
        <translation>iss ist keine gültige Salesforce-Org-ID.</translation>
    </message>
    <message>
        <source>iss is not the org id of the project&apos;s org profile.</source>
        <translation>iss ist nicht die Org-ID aus dem Org-Profil des Projekts.</translation>
    </message>
    <message>
        <source>sub is missing; Salesforce Voice with Telephony Providers needs the Call Center API name.</source>
        <translation>sub fehlt; Salesforce Voice with Telephony Providers braucht den Call-Center-API-Namen.</translation>
    </message>
    <message>
        <source>sub is present but this customer type must leave it out.</source>
        <translation>sub ist vorhanden, aber dieser Kundentyp muss es weglassen.</translation>
    </message>
    <message>
        <source>sub is not the Call Center API name of the org profile.</source>
        <translation>sub ist nicht der Call-Center-API-Name aus dem Org-Profil.</translation>
    </message>
    <message>
        <source>A token meant to be reused has a jti, so its second use fails.</source>
        <translation>Ein zur Wiederverwendung gedachtes Token hat eine jti, daher schlägt seine zweite Verwendung fehl.</translation>
    </message>
    <message>
        <source>Signing the token failed in OpenSSL.</source>
        <translation>Das Signieren des Tokens ist in OpenSSL fehlgeschlagen.</translation>
    </message>
    <message>
        <source>A standard claim has the wrong JSON type.</source>
        <translation>Ein Standard-Claim hat den falschen JSON-Typ.</translation>
    </message>
    <message>
        <source>exp is not after iat.</source>
        <translation>exp liegt nicht nach iat.</translation>
    </message>
    <message>
        <source>The token has an aud claim, which current Salesforce docs do not use.</source>
        <translation>Das Token hat einen aud-Claim, den die aktuelle Salesforce-Dokumentation nicht verwendet.</translation>
    </message>
    <message>
        <source>A duration is malformed (use 300s, 5m, 24h or 1d).</source>
        <translation>Eine Dauer ist fehlerhaft (verwenden Sie 300s, 5m, 24h oder 1d).</translation>
    </message>
    <message>
        <source>The project file is not valid JSON; the file was not changed.</source>
        <translation>Die Projektdatei ist kein gültiges JSON; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The project file was written by a newer Handoff Studio; open it with that version.</source>
        <translation>Die Projektdatei wurde von einem neueren Handoff Studio geschrieben; öffnen Sie sie mit dieser Version.</translation>
    </message>
    <message>
        <source>A field of the project file has the wrong type or an invalid value.</source>
        <translation>Ein Feld der Projektdatei hat den falschen Typ oder einen ungültigen Wert.</translation>
    </message>
    <message>
        <source>The project file has a key this version does not know; it is kept.</source>
        <translation>Die Projektdatei hat einen Schlüssel, den diese Version nicht kennt; er bleibt erhalten.</translation>
    </message>
    <message>
        <source>The project file contains a private key; it was not opened. Remove the key from the file and import it into the keychain.</source>
        <translation>Die Projektdatei enthält einen privaten Schlüssel; sie wurde nicht geöffnet. Entfernen Sie den Schlüssel aus der Datei und importieren Sie ihn in den Schlüsselbund.</translation>
    </message>
    <message>
        <source>The file is not a Handoff Studio project (its format key is missing or different).</source>
        <translation>Die Datei ist kein Handoff-Studio-Projekt (ihr format-Schlüssel fehlt oder ist anders).</translation>
    </message>
    <message>
        <source>A Salesforce id has 15 or 18 characters; copy the whole id.</source>
        <translation>Eine Salesforce-ID hat 15 oder 18 Zeichen; kopieren Sie die ganze ID.</translation>
    </message>
    <message>
        <source>A Salesforce id has only letters and digits; remove spaces, quotes or punctuation.</source>
        <translation>Eine Salesforce-ID besteht nur aus Buchstaben und Ziffern; entfernen Sie Leerzeichen, Anführungszeichen oder Satzzeichen.</translation>
    </message>
    <message>
        <source>The 18-character id&apos;s check suffix does not belong to it; copy the id again.</source>
        <translation>Das Prüfsuffix der 18-stelligen ID gehört nicht zu ihr; kopieren Sie die ID erneut.</translation>
    </message>
    <message>
        <source>The 18-character id&apos;s letters changed case; use the repaired id the message names.</source>
        <translation>Bei der 18-stelligen ID hat sich die Groß-/Kleinschreibung geändert; verwenden Sie die reparierte ID aus der Meldung.</translation>
    </message>
    <message>
        <source>The id names another kind of record than the field wants.</source>
        <translation>Die ID bezeichnet eine andere Art von Datensatz, als das Feld erwartet.</translation>
    </message>
    <message>
        <source>The field wants the 18-character id; use the converted form.</source>
        <translation>Das Feld erwartet die 18-stellige ID; verwenden Sie die umgewandelte Form.</translation>
    </message>
    <message>
        <source>The field wants the 15-character id; use the shortened form.</source>
        <translation>Das Feld erwartet die 15-stellige ID; verwenden Sie die gekürzte Form.</translation>
    </message>
    <message>
        <source>The org id is missing; copy it from Setup &gt; Company Information.</source>
        <translation>Die Org-ID fehlt; kopieren Sie sie aus Setup &gt; Unternehmensinformationen.</translation>
    </message>
    <message>
        <source>The SCRT2 domain is missing; copy it from the contact center setup.</source>
        <translation>Die SCRT2-Domain fehlt; kopieren Sie sie aus der Contact-Center-Einrichtung.</translation>
    </message>
    <message>
        <source>The SCRT2 domain is not a &lt;name&gt;.my.salesforce-scrt.com host; correct it.</source>
        <translation>Die SCRT2-Domain ist kein Host der Form &lt;name&gt;.my.salesforce-scrt.com; korrigieren Sie sie.</translation>
    </message>
    <message>
        <source>The SCRT2 domain is longer than the UUI&apos;s 128-byte limit.</source>
        <translation>Die SCRT2-Domain ist länger als das 128-Byte-Limit der UUI.</translation>
    </message>
    <message>
        <source>The SCRT2 domain has the sandbox form, which is assumed to work like production.</source>
        <translation>Die SCRT2-Domain hat die Sandbox-Form; es wird angenommen, dass sie wie Produktion funktioniert.</translation>
    </message>
    <message>
        <source>The SCRT2 domain lacks the &apos;.my.&apos; part that Salesforce documents.</source>
        <translation>Der SCRT2-Domain fehlt der von Salesforce dokumentierte Teil „.my.“.</translation>
    </message>
    <message>
        <source>Part of the SCRT2 address was normalised (scheme, path, case); the message says what.</source>
        <translation>Ein Teil der SCRT2-Adresse wurde normalisiert (Schema, Pfad, Schreibweise); die Meldung nennt, was.</translation>
    </message>
    <message>
        <source>The Call Center API name is missing; it is required for Salesforce Voice customers.</source>
        <translation>Der Call-Center-API-Name fehlt; für Kunden von Salesforce Voice ist er erforderlich.</translation>
    </message>
    <message>
        <source>The Call Center API name breaks Salesforce&apos;s API-name rules.</source>
        <translation>Der Call-Center-API-Name verletzt die Regeln von Salesforce für API-Namen.</translation>
    </message>
    <message>
        <source>A Call Center API name is set but not used: this customer type omits sub.</source>
        <translation>Ein Call-Center-API-Name ist gesetzt, wird aber nicht verwendet: Dieser Kundentyp lässt sub weg.</translation>
    </message>
    <message>
        <source>A required field of the voiceCalls request is empty.</source>
        <translation>Ein Pflichtfeld der voiceCalls-Anfrage ist leer.</translation>
    </message>
    <message>
        <source>A phone number is not in E.164 form; it is sent as typed.</source>
        <translation>Eine Telefonnummer ist nicht im E.164-Format; sie wird wie eingegeben gesendet.</translation>
    </message>
    <message>
        <source>A phone number was normalised to E.164 before sending.</source>
        <translation>Eine Telefonnummer wurde vor dem Senden in E.164 normalisiert.</translation>
    </message>
    <message>
        <source>callAttributes was pasted in the single-quote form, which is not JSON.</source>
        <translation>callAttributes wurde in der Form mit einfachen Anführungszeichen eingefügt, die kein JSON ist.</translation>
    </message>
    <message>
        <source>A callAttributes entry has no field name, or a field name is used twice.</source>
        <translation>Ein callAttributes-Eintrag hat keinen Feldnamen, oder ein Feldname kommt doppelt vor.</translation>
    </message>
    <message>
        <source>The SCRT2 base URL cannot be used.</source>
        <translation>Die SCRT2-Basis-URL ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>parentVoiceCallId only belongs to a Transfer.</source>
        <translation>parentVoiceCallId gehört nur zu einem Transfer.</translation>
    </message>
    <message>
        <source>callSubtype must be PSTN or WebRTC.</source>
        <translation>callSubtype muss PSTN oder WebRTC sein.</translation>
    </message>
    <message>
        <source>The API token could not be made.</source>
        <translation>Das API-Token konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The request goes to a plain-http address on this computer.</source>
        <translation>Die Anfrage geht an eine reine http-Adresse auf diesem Computer.</translation>
    </message>
    <message>
        <source>The base URL does not look like an SCRT2 domain.</source>
        <translation>Die Basis-URL sieht nicht wie eine SCRT2-Domain aus.</translation>
    </message>
    <message>
        <source>The private key could not be read.</source>
        <translation>Der private Schlüssel konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The VoiceCall was created.</source>
        <translation>Der VoiceCall wurde angelegt.</translation>
    </message>
    <message>
        <source>The VoiceCall was created, but some fields were not set.</source>
        <translation>Der VoiceCall wurde angelegt, aber einige Felder wurden nicht gesetzt.</translation>
    </message>
    <message>
        <source>The host name could not be found (DNS).</source>
        <translation>Der Hostname wurde nicht gefunden (DNS).</translation>
    </message>
    <message>
        <source>The TLS connection could not be verified.</source>
        <translation>Die TLS-Verbindung konnte nicht verifiziert werden.</translation>
    </message>
    <message>
        <source>The connection was refused or dropped.</source>
        <translation>Die Verbindung wurde abgelehnt oder abgebrochen.</translation>
    </message>
    <message>
        <source>The request timed out.</source>
        <translation>Die Anfrage hat das Zeitlimit überschritten.</translation>
    </message>
    <message>
        <source>401: the API token was not accepted.</source>
        <translation>401: Das API-Token wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>403: the request is not allowed.</source>
        <translation>403: Die Anfrage ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>404: the domain or the path is wrong.</source>
        <translation>404: Domain oder Pfad ist falsch.</translation>
    </message>
    <message>
        <source>429: too many requests.</source>
        <translation>429: zu viele Anfragen.</translation>
    </message>
    <message>
        <source>The server failed (5xx).</source>
        <translation>Der Server ist fehlgeschlagen (5xx).</translation>
    </message>
    <message>
        <source>The answer is not the expected JSON.</source>
        <translation>Die Antwort ist nicht das erwartete JSON.</translation>
    </message>
    <message>
        <source>400: the request body was refused.</source>
        <translation>400: Der Anfrageinhalt wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Rate limited once; retried after Retry-After.</source>
        <translation>Einmal wegen Ratenbegrenzung abgewiesen; nach Retry-After erneut versucht.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected status.</source>
        <translation>Der Server hat mit einem unerwarteten Status geantwortet.</translation>
    </message>
    <message>
        <source>The emulator could not start.</source>
        <translation>Der Emulator konnte nicht starten.</translation>
    </message>
    <message>
        <source>A certificate to register could not be read.</source>
        <translation>Ein zu registrierendes Zertifikat konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>An emulator fault specification is not understood.</source>
        <translation>Eine Fehlerangabe für den Emulator wird nicht verstanden.</translation>
    </message>
    <message>
        <source>The org id to register is not a valid Salesforce org id.</source>
        <translation>Die zu registrierende Org-ID ist keine gültige Salesforce-Org-ID.</translation>
    </message>
    <message>
        <source>The UUI is not valid JSON; fix the text at the line and column shown.</source>
        <translation>Die UUI ist kein gültiges JSON; korrigieren Sie den Text an der angezeigten Zeile und Spalte.</translation>
    </message>
    <message>
        <source>Typographic quotes are not JSON quotes; replace them with straight double quotes (the repair does it).</source>
        <translation>Typografische Anführungszeichen sind keine JSON-Anführungszeichen; ersetzen Sie sie durch gerade doppelte Anführungszeichen (die Reparatur erledigt das).</translation>
    </message>
    <message>
        <source>The UUI must be one JSON object of key-value pairs.</source>
        <translation>Die UUI muss ein einziges JSON-Objekt aus Schlüssel-Wert-Paaren sein.</translation>
    </message>
    <message>
        <source>A standard key is spelt with the wrong case; Salesforce reads keys case-sensitively, use the spelling shown.</source>
        <translation>Ein Standardschlüssel hat die falsche Groß-/Kleinschreibung; Salesforce unterscheidet bei Schlüsseln Groß- und Kleinschreibung, verwenden Sie die angezeigte Schreibweise.</translation>
    </message>
    <message>
        <source>An unknown key looks like a misspelt standard key; check its spelling.</source>
        <translation>Ein unbekannter Schlüssel sieht wie ein falsch geschriebener Standardschlüssel aus; prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>A key Salesforce does not define; it is passed to the inbound Omni-Channel flow as a parameter.</source>
        <translation>Ein Schlüssel, den Salesforce nicht definiert; er wird als Parameter an den eingehenden Omni-Channel-Flow übergeben.</translation>
    </message>
    <message>
        <source>A key appears twice; keep one.</source>
        <translation>Ein Schlüssel kommt zweimal vor; behalten Sie einen.</translation>
    </message>
    <message>
        <source>A UUI value must be a JSON string; put it in double quotes.</source>
        <translation>Ein UUI-Wert muss ein JSON-String sein; setzen Sie ihn in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>orgId is missing and there is no token to take the org from; add orgId or a token.</source>
        <translation>orgId fehlt, und es gibt kein Token, aus dem die Org entnommen werden kann; fügen Sie orgId oder ein Token hinzu.</translation>
    </message>
    <message>
        <source>orgId is not a 15-character Salesforce id; use the 15-character org id.</source>
        <translation>orgId ist keine 15-stellige Salesforce-ID; verwenden Sie die 15-stellige Org-ID.</translation>
    </message>
    <message>
        <source>orgId is not an org id (org ids start with 00D); use the id of your org.</source>
        <translation>orgId ist keine Org-ID (Org-IDs beginnen mit 00D); verwenden Sie die ID Ihrer Org.</translation>
    </message>
    <message>
        <source>scrt2Domain is missing; add the org&apos;s SCRT2 domain (&lt;name&gt;.my.salesforce-scrt.com).</source>
        <translation>scrt2Domain fehlt; fügen Sie die SCRT2-Domain der Org hinzu (&lt;name&gt;.my.salesforce-scrt.com).</translation>
    </message>
    <message>
        <source>scrt2Domain is longer than 128 bytes.</source>
        <translation>scrt2Domain ist länger als 128 Byte.</translation>
    </message>
    <message>
        <source>scrt2Domain does not have the form &lt;name&gt;.my.salesforce-scrt.com; use the bare domain shown.</source>
        <translation>scrt2Domain hat nicht die Form &lt;name&gt;.my.salesforce-scrt.com; verwenden Sie die angezeigte reine Domain.</translation>
    </message>
    <message>
        <source>scrt2Domain is a sandbox domain.</source>
        <translation>scrt2Domain ist eine Sandbox-Domain.</translation>
    </message>
    <message>
        <source>token is missing; add the signed JWT.</source>
        <translation>token fehlt; fügen Sie das signierte JWT hinzu.</translation>
    </message>
    <message>
        <source>The token contains spaces or line breaks; a JWT has none. Paste the token again in one piece.</source>
        <translation>Das Token enthält Leerzeichen oder Zeilenumbrüche; ein JWT hat keine. Fügen Sie das Token erneut in einem Stück ein.</translation>
    </message>
    <message>
        <source>The token contains placeholder text such as [THIS IS A SAMPLE TOKEN]; put a real signed token there.</source>
        <translation>Das Token enthält Platzhaltertext wie [THIS IS A SAMPLE TOKEN]; setzen Sie dort ein echtes signiertes Token ein.</translation>
    </message>
    <message>
        <source>The token is not a JWT (three base64url parts separated by dots).</source>
        <translation>Das Token ist kein JWT (drei base64url-Teile, durch Punkte getrennt).</translation>
    </message>
    <message>
        <source>The token&apos;s issuer (iss) is a different org than orgId; they must name the same org.</source>
        <translation>Der Aussteller (iss) des Tokens ist eine andere Org als orgId; beide müssen dieselbe Org nennen.</translation>
    </message>
    <message>
        <source>The token has expired; sign a new one (the SIP transfer fails with an expired token).</source>
        <translation>Das Token ist abgelaufen; signieren Sie ein neues (der SIP-Transfer scheitert mit einem abgelaufenen Token).</translation>
    </message>
    <message>
        <source>callId is not a valid Salesforce id; use the 18-character VoiceCall id.</source>
        <translation>callId ist keine gültige Salesforce-ID; verwenden Sie die 18-stellige VoiceCall-ID.</translation>
    </message>
    <message>
        <source>callId is the 15-character form; Salesforce wants the 18-character form shown.</source>
        <translation>callId hat die 15-stellige Form; Salesforce erwartet die angezeigte 18-stellige Form.</translation>
    </message>
    <message>
        <source>callId is not a VoiceCall id (VoiceCall ids start with 0LQ); check where it comes from.</source>
        <translation>callId ist keine VoiceCall-ID (VoiceCall-IDs beginnen mit 0LQ); prüfen Sie, woher sie stammt.</translation>
    </message>
    <message>
        <source>An optional field is empty; leave it out instead of sending an empty value.</source>
        <translation>Ein optionales Feld ist leer; lassen Sie es weg, statt einen leeren Wert zu senden.</translation>
    </message>
    <message>
        <source>The UUI has spaces or line breaks between its fields, which are sent and counted; the compact form is shorter.</source>
        <translation>Die UUI hat Leerzeichen oder Zeilenumbrüche zwischen ihren Feldern, die mitgesendet und mitgezählt werden; die kompakte Form ist kürzer.</translation>
    </message>
    <message>
        <source>No private key is available to sign the UUI token; import or generate a key, or unlock the keychain.</source>
        <translation>Zum Signieren des UUI-Tokens ist kein privater Schlüssel verfügbar; importieren oder erzeugen Sie einen Schlüssel, oder entsperren Sie den Schlüsselbund.</translation>
    </message>
    <message>
        <source>The UUI token could not be signed; see the message for the cause.</source>
        <translation>Das UUI-Token konnte nicht signiert werden; die Ursache steht in der Meldung.</translation>
    </message>
    <message>
        <source>A custom parameter has no key; name it or remove it.</source>
        <translation>Ein eigener Parameter hat keinen Schlüssel; benennen oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>A custom parameter&apos;s key is already used by a standard field or another parameter; rename it.</source>
        <translation>Der Schlüssel eines eigenen Parameters wird schon von einem Standardfeld oder einem anderen Parameter verwendet; benennen Sie ihn um.</translation>
    </message>
    <message>
        <source>The UUI header is over the trunk&apos;s limit; apply one of the ways out shown.</source>
        <translation>Der UUI-Header überschreitet das Limit des Trunks; wenden Sie einen der angezeigten Auswege an.</translation>
    </message>
    <message>
        <source>The header fits the limit as measured now but not if the limit applies to another part of the header; the limit&apos;s scope is not documented.</source>
        <translation>Der Header passt nach der aktuellen Messung ins Limit, aber nicht, wenn das Limit für einen anderen Teil des Headers gilt; worauf sich das Limit bezieht, ist nicht dokumentiert.</translation>
    </message>
    <message>
        <source>Salesforce documents hex encoding for the UUI; use ascii only if the receiving side accepts it.</source>
        <translation>Salesforce dokumentiert hex-Kodierung für die UUI; verwenden Sie ascii nur, wenn die Empfängerseite es annimmt.</translation>
    </message>
    <message>
        <source>This data cannot be sent in ascii encoding (non-ASCII, control or &apos;;&apos; characters); use hex.</source>
        <translation>Diese Daten können nicht in ascii-Kodierung gesendet werden (Nicht-ASCII-, Steuer- oder &apos;;&apos;-Zeichen); verwenden Sie hex.</translation>
    </message>
    <message>
        <source>A trunk UUI setting is invalid; correct it in the trunk profile.</source>
        <translation>Eine UUI-Einstellung des Trunks ist ungültig; korrigieren Sie sie im Trunk-Profil.</translation>
    </message>
    <message>
        <source>The org id looks like a placeholder from an example (XXX, a long run of zeros); use your org&apos;s id.</source>
        <translation>Die Org-ID sieht nach einem Platzhalter aus einem Beispiel aus (XXX, eine lange Folge von Nullen); verwenden Sie die ID Ihrer Org.</translation>
    </message>
    <message>
        <source>Salesforce&apos;s table says callId is for customers that are not Salesforce Voice with Telephony Providers, while its Genesys steps always pass the VoiceCall id; check with a test call whether the flow gets it.</source>
        <translation>Die Tabelle von Salesforce nennt callId nur für Kunden, die nicht Salesforce Voice with Telephony Providers nutzen, während die Genesys-Schritte dort stets die VoiceCall-ID übergeben; prüfen Sie mit einem Testanruf, ob der Flow sie erhält.</translation>
    </message>
    <message>
        <source>Even the smallest UUI (scrt2Domain and the token) is over the limit; no field left out makes it fit, only a smaller key would.</source>
        <translation>Schon die kleinste UUI (scrt2Domain und das Token) liegt über dem Limit; kein weggelassenes Feld hilft, nur ein kleinerer Schlüssel würde es.</translation>
    </message>
    <message>
        <source>The Function Data Action&apos;s runtime is not a Node.js runtime of version 18 or newer (such as nodejs20.x); choose one Genesys lists.</source>
        <translation>Die Laufzeit der Function Data Action ist keine Node.js-Laufzeit ab Version 18 (etwa nodejs20.x); wählen Sie eine, die Genesys anbietet.</translation>
    </message>
    <message>
        <source>The Function Data Action&apos;s timeout is outside 1 to 15 seconds; Genesys allows only those.</source>
        <translation>Das Timeout der Function Data Action liegt außerhalb von 1 bis 15 Sekunden; Genesys erlaubt nur diese.</translation>
    </message>
    <message>
        <source>A token lifetime the function would sign is outside 1 s to 24 h; correct the token policy before exporting the function.</source>
        <translation>Eine Token-Lebensdauer, mit der die Funktion signieren würde, liegt außerhalb von 1 s bis 24 h; korrigieren Sie die Token-Richtlinie vor dem Export der Funktion.</translation>
    </message>
    <message>
        <source>The project names no key; the function signs with the key in the integration&apos;s privateKey credential, whose certificate must be registered in Salesforce.</source>
        <translation>Das Projekt nennt keinen Schlüssel; die Funktion signiert mit dem Schlüssel aus dem Zugangsdatum privateKey der Integration, dessen Zertifikat in Salesforce registriert sein muss.</translation>
    </message>
    <message>
        <source>The export&apos;s file exists and was left as it is; choose another name or replace it (--force).</source>
        <translation>Die Datei des Exports existiert und wurde nicht verändert; wählen Sie einen anderen Namen oder ersetzen Sie sie (--force).</translation>
    </message>
    <message>
        <source>Genesys takes an upload only as a .zip whose name has letters, digits and + - _ . &apos; ( ); rename the file.</source>
        <translation>Genesys nimmt einen Upload nur als .zip an, deren Name aus Buchstaben, Ziffern und + - _ . &apos; ( ) besteht; benennen Sie die Datei um.</translation>
    </message>
    <message>
        <source>The zip archive could not be made; nothing was written.</source>
        <translation>Das Zip-Archiv konnte nicht erstellt werden; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The function package has errors and was not written; correct them first.</source>
        <translation>Das Funktionspaket hat Fehler und wurde nicht geschrieben; beheben Sie sie zuerst.</translation>
    </message>
    <message>
        <source>A data action contract must be a JSON Schema object with &quot;type&quot;: &quot;object&quot; and &quot;properties&quot;.</source>
        <translation>Ein Datenaktionsvertrag muss ein JSON-Schema-Objekt mit &quot;type&quot;: &quot;object&quot; und &quot;properties&quot; sein.</translation>
    </message>
    <message>
        <source>An input name must start with a letter and hold only letters, digits, - and _.</source>
        <translation>Ein Eingabename muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern, - und _ enthalten.</translation>
    </message>
    <message>
        <source>orgId, integrationId and rawRequest are reserved by Genesys; rename the input.</source>
        <translation>orgId, integrationId und rawRequest sind von Genesys reserviert; benennen Sie die Eingabe um.</translation>
    </message>
    <message>
        <source>An input contract is flat: no objects or arrays; pass structured data as a JSON string.</source>
        <translation>Ein Eingabevertrag ist flach: keine Objekte oder Arrays; übergeben Sie strukturierte Daten als JSON-Zeichenkette.</translation>
    </message>
    <message>
        <source>An input&apos;s type must be string, integer, number, boolean or null.</source>
        <translation>Der Typ einer Eingabe muss string, integer, number, boolean oder null sein.</translation>
    </message>
    <message>
        <source>$ref is not allowed in a data action contract; write the schema out.</source>
        <translation>$ref ist in einem Datenaktionsvertrag nicht erlaubt; schreiben Sie das Schema aus.</translation>
    </message>
    <message>
        <source>An output contract may not have an array inside an array.</source>
        <translation>Ein Ausgabevertrag darf kein Array in einem Array enthalten.</translation>
    </message>
    <message>
        <source>A data action contract may be at most 50 levels deep.</source>
        <translation>Ein Datenaktionsvertrag darf höchstens 50 Ebenen tief sein.</translation>
    </message>
    <message>
        <source>Set additionalProperties to false so that a misspelt name is refused instead of ignored.</source>
        <translation>Setzen Sie additionalProperties auf false, damit ein falsch geschriebener Name abgelehnt statt ignoriert wird.</translation>
    </message>
    <message>
        <source>A required name is not one of the contract&apos;s properties.</source>
        <translation>Ein Pflichtname ist keine der Eigenschaften des Vertrags.</translation>
    </message>
    <message>
        <source>The SIP stack could not start (address or port in use).</source>
        <translation>Der SIP-Stack konnte nicht starten (Adresse oder Port belegt).</translation>
    </message>
    <message>
        <source>The SIP address is not sip:USER@HOST[:PORT] or sips:USER@HOST[:PORT].</source>
        <translation>Die SIP-Adresse hat nicht die Form sip:USER@HOST[:PORT] oder sips:USER@HOST[:PORT].</translation>
    </message>
    <message>
        <source>The simulated call reached no Transfer to Number: no INVITE to send.</source>
        <translation>Der simulierte Anruf erreichte kein Transfer to Number: Es gibt keinen INVITE zu senden.</translation>
    </message>
    <message>
        <source>The SIP peer did not answer in time.</source>
        <translation>Die SIP-Gegenstelle hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The INVITE could not be delivered (connection refused or failed).</source>
        <translation>Der INVITE konnte nicht zugestellt werden (Verbindung abgelehnt oder fehlgeschlagen).</translation>
    </message>
    <message>
        <source>The SIP peer refused the INVITE.</source>
        <translation>Die SIP-Gegenstelle hat den INVITE abgelehnt.</translation>
    </message>
    <message>
        <source>The INVITE carries no User-to-User header.</source>
        <translation>Der INVITE trägt keinen User-to-User-Header.</translation>
    </message>
    <message>
        <source>The INVITE carries more than one User-to-User header (Genesys drops all UUI then).</source>
        <translation>Der INVITE trägt mehr als einen User-to-User-Header (Genesys verwirft dann alle UUI).</translation>
    </message>
    <message>
        <source>The User-to-User value is not valid under its encoding.</source>
        <translation>Der User-to-User-Wert ist unter seiner Kodierung ungültig.</translation>
    </message>
    <message>
        <source>The decoded UUI has bytes 128-255, which Genesys cannot decode.</source>
        <translation>Die dekodierte UUI enthält Bytes 128-255, die Genesys nicht dekodieren kann.</translation>
    </message>
    <message>
        <source>The User-to-User header is over the limit under the trunk&apos;s reading.</source>
        <translation>Der User-to-User-Header liegt nach der Lesart des Trunks über der Grenze.</translation>
    </message>
    <message>
        <source>The UUI token does not verify against a certificate registered for its org.</source>
        <translation>Das UUI-Token lässt sich mit keinem für seine Org registrierten Zertifikat prüfen.</translation>
    </message>
    <message>
        <source>The UUI callId names no VoiceCall this emulator created.</source>
        <translation>Die UUI-callId nennt keinen VoiceCall, den dieser Emulator angelegt hat.</translation>
    </message>
    <message>
        <source>The SDP offer has no G.711 PCMU audio.</source>
        <translation>Das SDP-Angebot enthält kein G.711-PCMU-Audio.</translation>
    </message>
    <message>
        <source>The SDP offer has no SRTP, which Salesforce requires.</source>
        <translation>Das SDP-Angebot enthält kein SRTP, das Salesforce verlangt.</translation>
    </message>
    <message>
        <source>callId is sent for a Salesforce Voice with Telephony Providers org: the article conflicts.</source>
        <translation>callId wird für eine Org mit Salesforce Voice with Telephony Providers gesendet: Der Artikel widerspricht sich.</translation>
    </message>
    <message>
        <source>The decoded UUI is not a JSON object.</source>
        <translation>Die dekodierte UUI ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The Archy file is not valid YAML; fix it at the line and column.</source>
        <translation>Die Archy-Datei ist kein gültiges YAML; korrigieren Sie sie an der angegebenen Zeile und Spalte.</translation>
    </message>
    <message>
        <source>The file is not an Archy inboundCall flow (another flow type, or another format).</source>
        <translation>Die Datei ist kein Archy-inboundCall-Flow (ein anderer Flow-Typ oder ein anderes Format).</translation>
    </message>
    <message>
        <source>A value in the Archy file has the wrong shape or a required key is missing.</source>
        <translation>Ein Wert in der Archy-Datei hat die falsche Form, oder ein erforderlicher Schlüssel fehlt.</translation>
    </message>
    <message>
        <source>A {{...}} placeholder of an unrendered template: render the template, then import.</source>
        <translation>Ein {{...}}-Platzhalter einer nicht gerenderten Vorlage: Rendern Sie die Vorlage und importieren Sie dann.</translation>
    </message>
    <message>
        <source>A key the Archy reader does not know: kept and written back, not checked or simulated.</source>
        <translation>Ein Schlüssel, den der Archy-Leser nicht kennt: beibehalten und zurückgeschrieben, nicht geprüft oder simuliert.</translation>
    </message>
    <message>
        <source>An Archy action the model does not have: kept as an opaque action and written back.</source>
        <translation>Eine Archy-Aktion, die das Modell nicht kennt: als opake Aktion beibehalten und zurückgeschrieben.</translation>
    </message>
    <message>
        <source>A task reference (startUpRef, targetTaskRef, refId) is malformed, duplicated or names no task.</source>
        <translation>Ein Task-Verweis (startUpRef, targetTaskRef, refId) ist fehlerhaft, doppelt oder nennt keinen Task.</translation>
    </message>
    <message>
        <source>The flow cannot be written as Archy (no tasks, no starting task, a task id that is no refId).</source>
        <translation>Der Flow kann nicht als Archy geschrieben werden (keine Tasks, kein Start-Task, eine Task-ID, die keine refId sein kann).</translation>
    </message>
    <message>
        <source>An action imported from Archy that the model does not have: kept and exported unchanged, not checked or simulated; test it in Architect.</source>
        <translation>Eine aus Archy importierte Aktion, die das Modell nicht kennt: beibehalten und unverändert exportiert, nicht geprüft oder simuliert; testen Sie sie in Architect.</translation>
    </message>
    <message>
        <source>The encrypted key asks for too many key-derivation iterations.</source>
        <translation>Der verschlüsselte Schlüssel verlangt zu viele Iterationen der Schlüsselableitung.</translation>
    </message>
    <message>
        <source>A secret (privateKey) is a flow input; take it from the integration&apos;s credentials in the request template instead.</source>
        <translation>Ein Geheimnis (privateKey) ist eine Flow-Eingabe; nehmen Sie es stattdessen in der Anfragevorlage aus den Zugangsdaten der Integration.</translation>
    </message>
    <message>
        <source>Opening a version 2 flow turned an action reached from several places into a reusable task.</source>
        <translation>Beim Öffnen eines Flows der Version 2 wurde eine Aktion, die von mehreren Stellen aus erreicht wird, zu einem wiederverwendbaren Task.</translation>
    </message>
    <message>
        <source>A task id is empty, used twice or has a character Archy&apos;s refId does not allow.</source>
        <translation>Eine Task-ID ist leer, doppelt vergeben oder enthält ein Zeichen, das die refId von Archy nicht erlaubt.</translation>
    </message>
    <message>
        <source>The UUI of a simulated transfer breaks Salesforce&apos;s rules, so the transfer is taken to fail.</source>
        <translation>Die UUI eines simulierten Transfers verstößt gegen die Regeln von Salesforce, daher wird angenommen, dass der Transfer fehlschlägt.</translation>
    </message>
    <message>
        <source>An edit names an action, task or variable the flow does not have.</source>
        <translation>Eine Bearbeitung nennt eine Aktion, einen Task oder eine Variable, die der Flow nicht hat.</translation>
    </message>
    <message>
        <source>An edit gives an id or name that is not allowed or already in use.</source>
        <translation>Eine Bearbeitung gibt eine ID oder einen Namen an, die nicht erlaubt oder schon vergeben sind.</translation>
    </message>
    <message>
        <source>An edit names a place in the flow that does not exist.</source>
        <translation>Eine Bearbeitung nennt eine Stelle im Flow, die es nicht gibt.</translation>
    </message>
    <message>
        <source>An edit puts an action where Architect allows none, such as after a terminating action.</source>
        <translation>Eine Bearbeitung setzt eine Aktion an eine Stelle, an der Architect keine erlaubt, etwa nach einer beendenden Aktion.</translation>
    </message>
    <message>
        <source>An edit removes or renames something still in use (a task that is jumped to, the start).</source>
        <translation>Eine Bearbeitung entfernt oder benennt etwas um, das noch verwendet wird (einen Task, zu dem gesprungen wird, den Start).</translation>
    </message>
    <message>
        <source>An edit sets a property the action&apos;s kind does not have.</source>
        <translation>Eine Bearbeitung setzt eine Eigenschaft, die die Art der Aktion nicht hat.</translation>
    </message>
    <message>
        <source>Opening an older project changed a setting to the new default; the notice says which.</source>
        <translation>Beim Öffnen eines älteren Projekts wurde eine Einstellung auf die neue Vorgabe umgestellt; der Hinweis nennt, welche.</translation>
    </message>
    <message>
        <source>The User-to-User header was read in another form than the trunk&apos;s.</source>
        <translation>Der User-to-User-Header wurde in einer anderen Form gelesen als der des Trunks.</translation>
    </message>
    <message>
        <source>The UUI fits the limit on its decoded data, but the header line is longer than the limit; an SBC or proxy on the path could limit header length.</source>
        <translation>Die UUI passt mit ihren dekodierten Daten ins Limit, aber die Header-Zeile ist länger als das Limit; ein SBC oder Proxy auf dem Weg könnte die Headerlänge begrenzen.</translation>
    </message>
    <message>
        <source>Go-live check: the org settings have an error (org id, SCRT2 domain, Call Center API name).</source>
        <translation>Go-live-Prüfung: Die Org-Einstellungen haben einen Fehler (Org-ID, SCRT2-Domain, Call-Center-API-Name).</translation>
    </message>
    <message>
        <source>Go-live check: no usable private key (none loaded, or not fit for RS256).</source>
        <translation>Go-live-Prüfung: kein brauchbarer privater Schlüssel (keiner geladen oder nicht für RS256 geeignet).</translation>
    </message>
    <message>
        <source>Go-live check: the certificate is expired, does not belong to the key, or expires before a token signed now would.</source>
        <translation>Go-live-Prüfung: Das Zertifikat ist abgelaufen, gehört nicht zum Schlüssel oder läuft ab, bevor ein jetzt signiertes Token abliefe.</translation>
    </message>
    <message>
        <source>Go-live check: the UUI token preset gives a token Salesforce would refuse.</source>
        <translation>Go-live-Prüfung: Die Vorgabe für das UUI-Token ergibt ein Token, das Salesforce ablehnen würde.</translation>
    </message>
    <message>
        <source>Go-live check: the API token preset gives a token Salesforce would refuse.</source>
        <translation>Go-live-Prüfung: Die Vorgabe für das API-Token ergibt ein Token, das Salesforce ablehnen würde.</translation>
    </message>
    <message>
        <source>Go-live check: the UUI breaks a field rule or does not fit the trunk profile&apos;s limit.</source>
        <translation>Go-live-Prüfung: Die UUI verletzt eine Feldregel oder passt nicht in das Limit des Trunk-Profils.</translation>
    </message>
    <message>
        <source>Go-live check: the flow does not validate (or there is none).</source>
        <translation>Go-live-Prüfung: Der Flow ist nicht gültig (oder es gibt keinen).</translation>
    </message>
    <message>
        <source>Go-live check: a data-action or transfer outcome of the flow ends badly.</source>
        <translation>Go-live-Prüfung: Ein Ergebnis der Data Action oder der Weiterleitung endet im Flow schlecht.</translation>
    </message>
    <message>
        <source>Go-live check: simulated calls over the time window stop reaching the agent (a token expires or is replayed).</source>
        <translation>Go-live-Prüfung: Simulierte Anrufe über das Zeitfenster erreichen den Agenten nicht mehr (ein Token läuft ab oder wird wiederverwendet).</translation>
    </message>
    <message>
        <source>Go-live check: a data action contract breaks Genesys&apos; rules, or the Set UUI Data export is not bound.</source>
        <translation>Go-live-Prüfung: Ein Data-Action-Vertrag verletzt die Regeln von Genesys, oder der Set-UUI-Data-Export ist nicht gebunden.</translation>
    </message>
    <message>
        <source>Go-live check: the Function Data Action package has an error in its settings.</source>
        <translation>Go-live-Prüfung: Das Function-Data-Action-Paket hat einen Fehler in seinen Einstellungen.</translation>
    </message>
    <message>
        <source>Go-live check: the credential probe&apos;s token was refused, or the probe got no answer.</source>
        <translation>Go-live-Prüfung: Das Token der Zugangsprobe wurde abgelehnt, oder die Probe bekam keine Antwort.</translation>
    </message>
    <message>
        <source>Go-live check: the last real transfer recorded at this UUI size failed.</source>
        <translation>Go-live-Prüfung: Die letzte echte Weiterleitung, die bei dieser UUI-Größe erfasst wurde, ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The UUI token preset has a jti: each token works for one call only, so the flow must mint one per call.</source>
        <translation>Die Vorgabe für das UUI-Token hat eine jti: Jedes Token gilt nur für einen Anruf, daher muss der Flow für jeden Anruf eines erzeugen.</translation>
    </message>
    <message>
        <source>The API token preset has no jti: a stolen token can be replayed until it expires.</source>
        <translation>Die Vorgabe für das API-Token hat keine jti: Ein gestohlenes Token kann bis zu seinem Ablauf wiederverwendet werden.</translation>
    </message>
    <message>
        <source>Credential probe: the org refused the token (HTTP 401 or 403); the message gives the reason the answer named.</source>
        <translation>Zugangsprobe: Die Org hat das Token abgelehnt (HTTP 401 oder 403); die Meldung nennt den Grund aus der Antwort.</translation>
    </message>
    <message>
        <source>Credential probe: the org answered 400 naming a body field, so the token was not refused. Inferred: the order of Salesforce&apos;s checks is undocumented.</source>
        <translation>Zugangsprobe: Die Org antwortete 400 und nannte ein Feld des Bodys, das Token wurde also nicht abgelehnt. Gefolgert: Die Reihenfolge der Prüfungen von Salesforce ist nicht dokumentiert.</translation>
    </message>
    <message>
        <source>Credential probe: a VoiceCall was created although the body was incomplete; the message gives its id.</source>
        <translation>Zugangsprobe: Ein VoiceCall wurde angelegt, obwohl der Body unvollständig war; die Meldung nennt seine ID.</translation>
    </message>
    <message>
        <source>Credential probe: an answer that neither refuses the token nor names a body field; the message explains it.</source>
        <translation>Zugangsprobe: eine Antwort, die weder das Token ablehnt noch ein Feld des Bodys nennt; die Meldung erklärt sie.</translation>
    </message>
    <message>
        <source>There is no training exercise with this id.</source>
        <translation>Es gibt keine Schulungsübung mit dieser ID.</translation>
    </message>
    <message>
        <source>The exercise&apos;s project file exists already; it was left as it is.</source>
        <translation>Die Projektdatei der Übung existiert bereits; sie wurde so belassen.</translation>
    </message>
    <message>
        <source>The far end refused the transfer&apos;s INVITE sent over SIP.</source>
        <translation>Die Gegenstelle hat das über SIP gesendete INVITE der Weiterleitung abgelehnt.</translation>
    </message>
    <message>
        <source>The transfer&apos;s INVITE sent over SIP got no final answer.</source>
        <translation>Das über SIP gesendete INVITE der Weiterleitung hat keine endgültige Antwort erhalten.</translation>
    </message>
    <message>
        <source>The far end accepted an INVITE the simulator expected to fail: its assumption does not hold.</source>
        <translation>Die Gegenstelle hat ein INVITE angenommen, das laut Simulator scheitern sollte: seine Annahme trifft nicht zu.</translation>
    </message>
    <message>
        <source>A UUI token could not be signed with the project&apos;s key.</source>
        <translation>Ein UUI-Token konnte nicht mit dem Schlüssel des Projekts signiert werden.</translation>
    </message>
    <message>
        <source>The TLS peer&apos;s certificate does not verify: nothing was sent (--ca FILE, or --insecure).</source>
        <translation>Das Zertifikat der TLS-Gegenstelle lässt sich nicht prüfen: Es wurde nichts gesendet (--ca DATEI oder --insecure).</translation>
    </message>
    <message>
        <source>The CA file for verifying the TLS peer cannot be read.</source>
        <translation>Die CA-Datei zum Prüfen der TLS-Gegenstelle kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Pasted text is not a flow action copied from the designer.</source>
        <translation>Der eingefügte Text ist keine aus dem Designer kopierte Flow-Aktion.</translation>
    </message>
    <message>
        <source>Credential probe: no answer (DNS, TLS, connection or timeout); nothing is known about the token.</source>
        <translation>Zugangsprobe: keine Antwort (DNS, TLS, Verbindung oder Zeitüberschreitung); über das Token ist nichts bekannt.</translation>
    </message>
    <message>
        <source>The folder for the exercise&apos;s project cannot be made.</source>
        <translation>Der Ordner für das Projekt der Übung kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>A call reaches the Agentforce agent with no Set Post-Flow (Target: Caller) before the transfer: an escalation drops the caller.</source>
        <translation>Ein Anruf erreicht den Agentforce-Agenten ohne Set Post-Flow (Target: Caller) vor dem Transfer: Eine Eskalation trennt den Anrufer.</translation>
    </message>
    <message>
        <source>Opening an older project put its org settings, key and trunk into one environment; the notice names it.</source>
        <translation>Beim Öffnen eines älteren Projekts wurden Org-Einstellungen, Schlüssel und Trunk in eine Umgebung übernommen; der Hinweis nennt sie.</translation>
    </message>
    <message>
        <source>An environment&apos;s SIP address is not in E.164 form (+ and 1 to 15 digits).</source>
        <translation>Die SIP-Adresse einer Umgebung ist nicht im E.164-Format (+ und 1 bis 15 Ziffern).</translation>
    </message>
    <message>
        <source>Not a valid environment name (1 to 40 letters, digits, - or _, starting with a letter or digit).</source>
        <translation>Kein gültiger Umgebungsname (1 bis 40 Buchstaben, Ziffern, - oder _, beginnend mit einem Buchstaben oder einer Ziffer).</translation>
    </message>
    <message>
        <source>The project already has an environment of that name.</source>
        <translation>Das Projekt hat bereits eine Umgebung mit diesem Namen.</translation>
    </message>
    <message>
        <source>The project has no environment of that name; the message lists those it has.</source>
        <translation>Das Projekt hat keine Umgebung mit diesem Namen; die Meldung nennt die vorhandenen.</translation>
    </message>
    <message>
        <source>The project&apos;s only environment cannot be removed.</source>
        <translation>Die einzige Umgebung des Projekts kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>handoff::emulator</name>
    <message>
        <source>The fault &quot;%1&quot; is not understood. Use latency=MS, 429[=SECONDS], 500, malformed, drop, partial or none, separated by commas.</source>
        <translation>Der Fehler „%1“ wird nicht verstanden. Verwenden Sie latency=MS, 429[=SECONDS], 500, malformed, drop, partial oder none, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names more than one fault; give one (plus latency).</source>
        <translation>„%1“ nennt mehr als einen Fehler; geben Sie einen an (plus latency).</translation>
    </message>
    <message>
        <source>Could not make the emulator&apos;s TLS certificate (%1: %2).</source>
        <translation>Das TLS-Zertifikat des Emulators konnte nicht erstellt werden (%1: %2).</translation>
    </message>
    <message>
        <source>No certificate to register for org %1.</source>
        <translation>Kein Zertifikat zum Registrieren für die Org %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Salesforce org id (15 or 18 characters starting with 00D).</source>
        <translation>„%1“ ist keine Salesforce-Org-ID (15 oder 18 Zeichen, beginnend mit 00D).</translation>
    </message>
    <message>
        <source>TLS must be enabled before the emulator starts listening.</source>
        <translation>TLS muss aktiviert werden, bevor der Emulator zu lauschen beginnt.</translation>
    </message>
    <message>
        <source>Qt could not load the emulator&apos;s TLS certificate; TLS is not available.</source>
        <translation>Qt konnte das TLS-Zertifikat des Emulators nicht laden; TLS ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The emulator cannot listen on 127.0.0.1:%1 (in use or not allowed). Choose another port with --port.</source>
        <translation>Der Emulator kann nicht auf 127.0.0.1:%1 lauschen (belegt oder nicht erlaubt). Wählen Sie mit --port einen anderen Port.</translation>
    </message>
    <message>
        <source>There is no Authorization header; send &quot;Bearer &lt;JWT&gt;&quot;.</source>
        <translation>Es gibt keinen Authorization-Header; senden Sie „Bearer &lt;JWT&gt;“.</translation>
    </message>
    <message>
        <source>The Authorization header does not start with &quot;Bearer &quot;; send &quot;Bearer &lt;JWT&gt;&quot;.</source>
        <translation>Der Authorization-Header beginnt nicht mit „Bearer “; senden Sie „Bearer &lt;JWT&gt;“.</translation>
    </message>
    <message>
        <source>The token is placeholder text (%1), not a JWT. The documented sample puts &apos;Bearer ${jwt}&apos; in single quotes, which sends the literal text; use backquotes or string concatenation.</source>
        <translation>Das Token ist Platzhaltertext (%1), kein JWT. Das dokumentierte Beispiel setzt &apos;Bearer ${jwt}&apos; in einfache Anführungszeichen, wodurch der Text wörtlich gesendet wird; verwenden Sie Backquotes oder Stringverkettung.</translation>
    </message>
    <message>
        <source>The bearer token is not a JWT: %1</source>
        <translation>Das Bearer-Token ist kein JWT: %1</translation>
    </message>
    <message>
        <source>The token is signed with &quot;%1&quot;; only RS256 is accepted.</source>
        <translation>Das Token ist mit „%1“ signiert; nur RS256 wird akzeptiert.</translation>
    </message>
    <message>
        <source>The token has no iss claim; set it to the org id.</source>
        <translation>Das Token hat keinen iss-Claim; setzen Sie ihn auf die Org-ID.</translation>
    </message>
    <message>
        <source>iss &quot;%1&quot; is not an org with a registered certificate; iss must be the 15-character id of the org where the certificate is registered.</source>
        <translation>iss „%1“ ist keine Org mit registriertem Zertifikat; iss muss die 15-stellige ID der Org sein, in der das Zertifikat registriert ist.</translation>
    </message>
    <message>
        <source>The signature does not match any certificate registered for org %1: the token was signed with another key, or the certificate registered is not the one of this key.</source>
        <translation>Die Signatur passt zu keinem für die Org %1 registrierten Zertifikat: Das Token wurde mit einem anderen Schlüssel signiert, oder das registrierte Zertifikat gehört nicht zu diesem Schlüssel.</translation>
    </message>
    <message>
        <source>The token needs iat and exp as whole seconds since 1970-01-01 UTC.</source>
        <translation>Das Token braucht iat und exp als ganze Sekunden seit 1970-01-01 UTC.</translation>
    </message>
    <message>
        <source>exp is %1 s after iat; at most %2 s (24 hours) is allowed.</source>
        <translation>exp liegt %1 s nach iat; erlaubt sind höchstens %2 s (24 Stunden).</translation>
    </message>
    <message>
        <source>exp is not after iat; the token was never valid.</source>
        <translation>exp liegt nicht nach iat; das Token war nie gültig.</translation>
    </message>
    <message>
        <source>The token expired at %1 (%2 s ago); sign a fresh one, and check this computer&apos;s clock.</source>
        <translation>Das Token ist seit %1 abgelaufen (vor %2 s); signieren Sie ein neues und prüfen Sie die Uhr dieses Computers.</translation>
    </message>
    <message>
        <source>The token is issued %1 s in the future (iat %2); check the signing computer&apos;s clock.</source>
        <translation>Das Token ist %1 s in der Zukunft ausgestellt (iat %2); prüfen Sie die Uhr des signierenden Computers.</translation>
    </message>
    <message>
        <source>The token has no sub; for Salesforce Voice with Telephony Providers, sub must be the Call Center API name (one of: %1).</source>
        <translation>Das Token hat kein sub; bei Salesforce Voice with Telephony Providers muss sub der Call-Center-API-Name sein (einer von: %1).</translation>
    </message>
    <message>
        <source>sub &quot;%1&quot; is not a call center registered for org %2 (registered: %3); sub must be the Call Center API name, exactly.</source>
        <translation>sub „%1“ ist kein für die Org %2 registriertes Call Center (registriert: %3); sub muss genau der Call-Center-API-Name sein.</translation>
    </message>
    <message>
        <source>jti &quot;%1&quot; was already used; a token with jti is single-use. Sign a fresh token for each request (or leave jti out of a reusable token).</source>
        <translation>jti „%1“ wurde schon verwendet; ein Token mit jti ist nur einmal gültig. Signieren Sie für jede Anfrage ein neues Token (oder lassen Sie jti bei einem wiederverwendbaren Token weg).</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 must be a non-empty string.</source>
        <translation>%1 muss ein nicht leerer String sein.</translation>
    </message>
    <message>
        <source>callCenterApiName is required (callcenterApiName is misspelt).</source>
        <translation>callCenterApiName ist erforderlich (callcenterApiName ist falsch geschrieben).</translation>
    </message>
    <message>
        <source>initiationMethod is &quot;%1&quot;; it must be Inbound or Transfer.</source>
        <translation>initiationMethod ist „%1“; es muss Inbound oder Transfer sein.</translation>
    </message>
    <message>
        <source>startTime &quot;%1&quot; is not an ISO-8601 date and time (e.g. 2026-01-02T03:04:05.000Z).</source>
        <translation>startTime „%1“ ist kein Datum mit Uhrzeit nach ISO 8601 (z. B. 2026-01-02T03:04:05.000Z).</translation>
    </message>
    <message>
        <source>participants is required: [{&quot;participantKey&quot;: &quot;&lt;caller&gt;&quot;, &quot;type&quot;: &quot;END_USER&quot;}].</source>
        <translation>participants ist erforderlich: [{&quot;participantKey&quot;: &quot;&lt;caller&gt;&quot;, &quot;type&quot;: &quot;END_USER&quot;}].</translation>
    </message>
    <message>
        <source>Each participant needs a participantKey and a type (END_USER for the caller).</source>
        <translation>Jeder Teilnehmer braucht einen participantKey und einen type (END_USER für den Anrufer).</translation>
    </message>
    <message>
        <source>callSubtype is &quot;%1&quot;; it must be PSTN or WebRTC.</source>
        <translation>callSubtype ist „%1“; es muss PSTN oder WebRTC sein.</translation>
    </message>
    <message>
        <source>callAttributes must be a string holding a JSON object, not a JSON %1.</source>
        <translation>callAttributes muss ein String mit einem JSON-Objekt sein, nicht JSON vom Typ %1.</translation>
    </message>
    <message>
        <source>callAttributes is not a JSON object in a string (single quotes are not JSON): %1</source>
        <translation>callAttributes ist kein JSON-Objekt in einem String (einfache Anführungszeichen sind kein JSON): %1</translation>
    </message>
    <message>
        <source>callCenterApiName &quot;%1&quot; is not a call center of org %2 (registered: %3).</source>
        <translation>callCenterApiName „%1“ ist kein Call Center der Org %2 (registriert: %3).</translation>
    </message>
    <message>
        <source>callCenterApiName &quot;%1&quot; differs from the token&apos;s sub &quot;%2&quot;; use the same call center.</source>
        <translation>callCenterApiName „%1“ weicht vom sub „%2“ des Tokens ab; verwenden Sie dasselbe Call Center.</translation>
    </message>
    <message>
        <source>Nothing here; the voiceCalls endpoint is POST %1.</source>
        <translation>Hier gibt es nichts; der voiceCalls-Endpunkt ist POST %1.</translation>
    </message>
    <message>
        <source>Use POST to create a VoiceCall.</source>
        <translation>Verwenden Sie POST, um einen VoiceCall anzulegen.</translation>
    </message>
    <message>
        <source>Too many requests (injected fault); retry after %1 s.</source>
        <translation>Zu viele Anfragen (eingespielter Fehler); erneut versuchen nach %1 s.</translation>
    </message>
    <message>
        <source>An internal error (injected fault).</source>
        <translation>Ein interner Fehler (eingespielter Fehler).</translation>
    </message>
    <message>
        <source>The body is not a JSON object: %1 at offset %2.</source>
        <translation>Der Inhalt ist kein JSON-Objekt: %1 bei Offset %2.</translation>
    </message>
    <message>
        <source>Some fields were not set: callAttributes (injected partial fault).</source>
        <translation>Einige Felder wurden nicht gesetzt: callAttributes (eingespielter Teilfehler).</translation>
    </message>
    <message>
        <source>The request line and headers are longer than %1 bytes.</source>
        <translation>Die Anfragezeile und die Header sind länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>The request line is not &quot;METHOD /path HTTP/1.1&quot;.</source>
        <translation>Die Anfragezeile hat nicht die Form „METHODE /pfad HTTP/1.1“.</translation>
    </message>
    <message>
        <source>The request target must be a path starting with &quot;/&quot;.</source>
        <translation>Das Anfrageziel muss ein Pfad sein, der mit „/“ beginnt.</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 and HTTP/1.0 are served; the request said &quot;%1&quot;.</source>
        <translation>Nur HTTP/1.1 und HTTP/1.0 werden bedient; die Anfrage nannte „%1“.</translation>
    </message>
    <message>
        <source>A header line is folded (starts with a space); send each header on one line.</source>
        <translation>Eine Headerzeile ist umbrochen (beginnt mit einem Leerzeichen); senden Sie jeden Header in einer Zeile.</translation>
    </message>
    <message>
        <source>A header line is not &quot;Name: value&quot;.</source>
        <translation>Eine Headerzeile hat nicht die Form „Name: Wert“.</translation>
    </message>
    <message>
        <source>The request has more than %1 headers.</source>
        <translation>Die Anfrage hat mehr als %1 Header.</translation>
    </message>
    <message>
        <source>The value of header %1 holds control characters.</source>
        <translation>Der Wert des Headers %1 enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>Content-Length is not one decimal number.</source>
        <translation>Content-Length ist nicht genau eine Dezimalzahl.</translation>
    </message>
    <message>
        <source>The body is %1 bytes; the emulator accepts at most %2.</source>
        <translation>Der Body ist %1 Bytes groß; der Emulator nimmt höchstens %2 an.</translation>
    </message>
    <message>
        <source>Transfer-Encoding is not supported; send the body with Content-Length.</source>
        <translation>Transfer-Encoding wird nicht unterstützt; senden Sie den Body mit Content-Length.</translation>
    </message>
    <message>
        <source>The emulator has %1 connections open, its limit; retry later.</source>
        <translation>Der Emulator hat %1 Verbindungen offen, sein Limit; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The request was not complete within the emulator&apos;s time limit (%1 ms idle, %2 ms in all).</source>
        <translation>Die Anfrage war nicht innerhalb des Zeitlimits des Emulators vollständig (%1 ms ohne Daten, %2 ms insgesamt).</translation>
    </message>
</context>
<context>
    <name>handoff::exports</name>
    <message>
        <source>A jumpToTask needs targetTaskRef, the task it jumps to; add targetTaskRef: /inboundCall/tasks/task[&lt;refId&gt;].</source>
        <translation>Ein jumpToTask braucht targetTaskRef, die Aufgabe, zu der es springt; fügen Sie targetTaskRef: /inboundCall/tasks/task[&lt;refId&gt;] hinzu.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; appears twice in this mapping; YAML allows each key once. Keep one of them.</source>
        <translation>Der Schlüssel &quot;%1&quot; steht in dieser Zuordnung zweimal; YAML erlaubt jeden Schlüssel nur einmal. Behalten Sie einen davon.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Architect variable name; write it as Scope.name, for example Flow.uuiToken or Task.voiceCallId.</source>
        <translation>„%1“ ist kein Architect-Variablenname; schreiben Sie ihn als Bereich.name, zum Beispiel Flow.uuiToken oder Task.voiceCallId.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a Genesys built-in call variable; store the value in a Flow. or Task. variable and bind that.</source>
        <translation>„%1“ ist eine in Genesys eingebaute Anrufvariable; speichern Sie den Wert in einer Flow.- oder Task.-Variable und binden Sie diese.</translation>
    </message>
    <message>
        <source>The token and callId are both bound to %1; give each its own variable.</source>
        <translation>Token und callId sind beide an %1 gebunden; geben Sie jedem eine eigene Variable.</translation>
    </message>
    <message>
        <source>The expression carries the token itself; Set UUI Data keeps sending it after it expires. Bind the token to a flow variable that a data action refreshes.</source>
        <translation>Der Ausdruck enthält das Token selbst; Set UUI Data sendet es auch nach seinem Ablauf weiter. Binden Sie das Token an eine Flow-Variable, die eine Datenaktion aktualisiert.</translation>
    </message>
    <message>
        <source>The contract is nested deeper than %1 levels; Genesys refuses it.</source>
        <translation>Der Vertrag ist tiefer als %1 Ebenen verschachtelt; Genesys lehnt ihn ab.</translation>
    </message>
    <message>
        <source>&quot;$ref&quot; is not allowed in a data action contract; write the schema out.</source>
        <translation>„$ref“ ist in einem Datenaktionsvertrag nicht erlaubt; schreiben Sie das Schema aus.</translation>
    </message>
    <message>
        <source>The output contract has an array inside an array; Genesys allows no nested arrays there.</source>
        <translation>Der Ausgabevertrag hat ein Array in einem Array; Genesys erlaubt dort keine verschachtelten Arrays.</translation>
    </message>
    <message>
        <source>The contract is not JSON (%1 at offset %2).</source>
        <translation>Der Vertrag ist kein JSON (%1 an Position %2).</translation>
    </message>
    <message>
        <source>The contract must be a JSON object (a JSON Schema).</source>
        <translation>Der Vertrag muss ein JSON-Objekt sein (ein JSON-Schema).</translation>
    </message>
    <message>
        <source>A contract is a schema with &quot;type&quot;: &quot;object&quot; and &quot;properties&quot;; add them.</source>
        <translation>Ein Vertrag ist ein Schema mit &quot;type&quot;: &quot;object&quot; und &quot;properties&quot;; ergänzen Sie beides.</translation>
    </message>
    <message>
        <source>Set &quot;additionalProperties&quot;: false, so that a misspelt name is refused instead of ignored.</source>
        <translation>Setzen Sie &quot;additionalProperties&quot;: false, damit ein falsch geschriebener Name abgelehnt statt ignoriert wird.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required but is not one of the properties; add it or remove it from required.</source>
        <translation>„%1“ ist Pflicht, aber keine der Eigenschaften; ergänzen Sie es oder entfernen Sie es aus required.</translation>
    </message>
    <message>
        <source>The input name &quot;%1&quot; must start with a letter and hold only letters, digits, - and _.</source>
        <translation>Der Eingabename „%1“ muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern, - und _ enthalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a name Genesys reserves for data action inputs; rename it (for example salesforceOrgId).</source>
        <translation>„%1“ ist ein Name, den Genesys für Eingaben von Datenaktionen reserviert; benennen Sie ihn um (zum Beispiel salesforceOrgId).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a secret as a flow input; take it from the integration&apos;s credentials ($!{credentials.%1}) instead.</source>
        <translation>„%1“ ist ein Geheimnis als Flow-Eingabe; nehmen Sie es stattdessen aus den Zugangsdaten der Integration ($!{credentials.%1}).</translation>
    </message>
    <message>
        <source>The input &quot;%1&quot; is an object or array; an input contract is flat. Pass it as a string holding JSON.</source>
        <translation>Die Eingabe „%1“ ist ein Objekt oder Array; ein Eingabevertrag ist flach. Übergeben Sie sie als Zeichenkette mit JSON.</translation>
    </message>
    <message>
        <source>The input &quot;%1&quot; has type &quot;%2&quot;; use string, integer, number, boolean or null.</source>
        <translation>Die Eingabe „%1“ hat den Typ „%2“; verwenden Sie string, integer, number, boolean oder null.</translation>
    </message>
    <message>
        <source>The token lifetime is %1 s; Salesforce accepts 1 s to 24 h. Correct the token policy before exporting the function.</source>
        <translation>Die Token-Lebensdauer ist %1 s; Salesforce akzeptiert 1 s bis 24 h. Korrigieren Sie die Token-Richtlinie vor dem Export der Funktion.</translation>
    </message>
    <message>
        <source>The project names no key. The function signs with the key in the integration&apos;s privateKey credential; its certificate must be the one registered in Salesforce.</source>
        <translation>Das Projekt nennt keinen Schlüssel. Die Funktion signiert mit dem Schlüssel aus dem Zugangsdatum privateKey der Integration; sein Zertifikat muss das in Salesforce registrierte sein.</translation>
    </message>
    <message>
        <source>The function package has errors; correct them first.</source>
        <translation>Das Funktionspaket hat Fehler; beheben Sie sie zuerst.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a name Genesys takes for an upload: use a .zip name of letters, digits and + - _ . &apos; ( ) only.</source>
        <translation>„%1“ ist kein Name, den Genesys für einen Upload annimmt: verwenden Sie einen .zip-Namen nur aus Buchstaben, Ziffern und + - _ . &apos; ( ).</translation>
    </message>
    <message>
        <source>%1 exists and was left as it is; choose another file or replace it (--force on the command line).</source>
        <translation>%1 existiert und wurde nicht verändert; wählen Sie eine andere Datei oder ersetzen Sie sie (--force auf der Kommandozeile).</translation>
    </message>
    <message>
        <source>The runtime &quot;%1&quot; is not a Node.js runtime of version 18 or newer (such as nodejs20.x); choose one that Genesys lists.</source>
        <translation>Die Laufzeit „%1“ ist keine Node.js-Laufzeit ab Version 18 (etwa nodejs20.x); wählen Sie eine, die Genesys anbietet.</translation>
    </message>
    <message>
        <source>The action&apos;s timeout is %1 s; Genesys allows 1 to 15 s.</source>
        <translation>Das Timeout der Aktion ist %1 s; Genesys erlaubt 1 bis 15 s.</translation>
    </message>
    <message>
        <source>The flow has no tasks; there is nothing to write as Archy.</source>
        <translation>Der Flow hat keine Tasks; es gibt nichts, was als Archy geschrieben werden könnte.</translation>
    </message>
    <message>
        <source>The task id &quot;%1&quot; cannot be an Archy refId (it must not be empty or contain [ ] # ~ / or spaces). Rename the task with &apos;handoff flow edit&apos;.</source>
        <translation>Die Task-ID &quot;%1&quot; kann keine Archy-refId sein (sie darf nicht leer sein und weder [ ] # ~ / noch Leerzeichen enthalten). Benennen Sie den Task mit &apos;handoff flow edit&apos; um.</translation>
    </message>
    <message>
        <source>The starting task &quot;%1&quot; does not exist; choose one with &apos;handoff flow edit&apos;.</source>
        <translation>Der Start-Task &quot;%1&quot; existiert nicht; wählen Sie einen mit &apos;handoff flow edit&apos;.</translation>
    </message>
    <message>
        <source>The YAML writer failed: %1</source>
        <translation>Der YAML-Writer ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>A mapping key here is not a plain value; Archy keys are names. If the file came from a template, render it first.</source>
        <translation>Ein Mapping-Schlüssel ist hier kein einfacher Wert; Archy-Schlüssel sind Namen. Stammt die Datei aus einer Vorlage, rendern Sie diese zuerst.</translation>
    </message>
    <message>
        <source>{{%1}} looks like an unrendered template placeholder (Terraform, Handlebars): YAML reads it as a nested mapping, and Archy would refuse it. Render the template (put in the value for %1) and import the result.</source>
        <translation>{{%1}} sieht wie ein Platzhalter einer nicht gerenderten Vorlage aus (Terraform, Handlebars): YAML liest ihn als verschachteltes Mapping, und Archy würde ihn ablehnen. Rendern Sie die Vorlage (setzen Sie den Wert für %1 ein) und importieren Sie das Ergebnis.</translation>
    </message>
    <message>
        <source>%1 must be a mapping (key: value lines).</source>
        <translation>%1 muss ein Mapping sein (Zeilen der Form Schlüssel: Wert).</translation>
    </message>
    <message>
        <source>%1 must be a single value.</source>
        <translation>%1 muss ein einzelner Wert sein.</translation>
    </message>
    <message>
        <source>%1 must be one of {exp: ...}, {lit: ...}, {var: ...} or {noValue: true}.</source>
        <translation>%1 muss eines von {exp: ...}, {lit: ...}, {var: ...} oder {noValue: true} sein.</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; with this value cannot be read as an expression here.</source>
        <translation>%1: &apos;%2&apos; mit diesem Wert kann hier nicht als Ausdruck gelesen werden.</translation>
    </message>
    <message>
        <source>%1 must be {lit: true} or {lit: false}.</source>
        <translation>%1 muss {lit: true} oder {lit: false} sein.</translation>
    </message>
    <message>
        <source>%1 must be a duration: {lit: {seconds: N}}.</source>
        <translation>%1 muss eine Dauer sein: {lit: {seconds: N}}.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; in %2 is a key this reader does not know; it is kept and written back on export, but not checked or simulated.</source>
        <translation>&apos;%1&apos; in %2 ist ein Schlüssel, den dieser Leser nicht kennt; er wird beibehalten und beim Export zurückgeschrieben, aber nicht geprüft oder simuliert.</translation>
    </message>
    <message>
        <source>%1 must be a list of actions.</source>
        <translation>%1 muss eine Liste von Aktionen sein.</translation>
    </message>
    <message>
        <source>Each action in %1 must be one key (the action, e.g. playAudio:) with its settings under it.</source>
        <translation>Jede Aktion in %1 muss ein Schlüssel sein (die Aktion, z. B. playAudio:) mit ihren Einstellungen darunter.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;%2 is an Archy action Handoff Studio does not model; it is kept as the opaque action &apos;%3&apos; and written back unchanged, but not checked or simulated.</source>
        <translation>&apos;%1&apos;%2 ist eine Archy-Aktion, die Handoff Studio nicht modelliert; sie wird als opake Aktion &apos;%3&apos; beibehalten und unverändert zurückgeschrieben, aber nicht geprüft oder simuliert.</translation>
    </message>
    <message>
        <source>mode must be transfer or disconnect.</source>
        <translation>mode muss transfer oder disconnect sein.</translation>
    </message>
    <message>
        <source>%1 has no output &apos;%2&apos;; its outputs are: %3.</source>
        <translation>%1 hat keinen Ausgang &apos;%2&apos;; die Ausgänge sind: %3.</translation>
    </message>
    <message>
        <source>An output holds only &apos;actions:&apos;; &apos;%1&apos; is not read.</source>
        <translation>Ein Ausgang enthält nur &apos;actions:&apos;; &apos;%1&apos; wird nicht gelesen.</translation>
    </message>
    <message>
        <source>%1 needs a category with its data action.</source>
        <translation>%1 braucht eine Kategorie mit ihrer Datenaktion.</translation>
    </message>
    <message>
        <source>%1 must name exactly one integration.</source>
        <translation>%1 muss genau eine Integration nennen.</translation>
    </message>
    <message>
        <source>%1 must hold dataAction: with exactly one data action.</source>
        <translation>%1 muss dataAction: mit genau einer Datenaktion enthalten.</translation>
    </message>
    <message>
        <source>%1.statements must be a list.</source>
        <translation>%1.statements muss eine Liste sein.</translation>
    </message>
    <message>
        <source>Each statement must be one type key (string:, integer:, ...) with variable: and value: under it.</source>
        <translation>Jede Anweisung muss ein Typschlüssel sein (string:, integer:, ...) mit variable: und value: darunter.</translation>
    </message>
    <message>
        <source>%1 must be a list of variables.</source>
        <translation>%1 muss eine Liste von Variablen sein.</translation>
    </message>
    <message>
        <source>Each variable must be one type key (stringVariable:, ...) with name: under it.</source>
        <translation>Jede Variable muss ein Typschlüssel sein (stringVariable:, ...) mit name: darunter.</translation>
    </message>
    <message>
        <source>A variable needs a name.</source>
        <translation>Eine Variable braucht einen Namen.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a reference to a task; write /inboundCall/tasks/task[&lt;refId&gt;] (a menu cannot be the start here).</source>
        <translation>%1 &quot;%2&quot; ist kein Verweis auf einen Task; schreiben Sie /inboundCall/tasks/task[&lt;refId&gt;] (ein Menü kann hier nicht der Start sein).</translation>
    </message>
    <message>
        <source>%1 names the task &quot;%2&quot;, which the flow does not have.</source>
        <translation>%1 nennt den Task &quot;%2&quot;, den der Flow nicht hat.</translation>
    </message>
    <message>
        <source>This is not an Archy flow: the document must start with inboundCall:.</source>
        <translation>Dies ist kein Archy-Flow: Das Dokument muss mit inboundCall: beginnen.</translation>
    </message>
    <message>
        <source>This looks like a Handoff Studio project file, not an Archy flow; use it as it is, or export it with &apos;handoff export archy&apos;.</source>
        <translation>Dies sieht wie eine Handoff-Studio-Projektdatei aus, nicht wie ein Archy-Flow; verwenden Sie sie direkt oder exportieren Sie sie mit &apos;handoff export archy&apos;.</translation>
    </message>
    <message>
        <source>This is not an Archy inboundCall flow (it has %1); only inbound call flows can be imported.</source>
        <translation>Dies ist kein Archy-inboundCall-Flow (er enthält %1); nur Flows für eingehende Anrufe können importiert werden.</translation>
    </message>
    <message>
        <source>An Archy file holds one flow; &apos;%1&apos; beside inboundCall is not read.</source>
        <translation>Eine Archy-Datei enthält einen Flow; &apos;%1&apos; neben inboundCall wird nicht gelesen.</translation>
    </message>
    <message>
        <source>inboundCall needs a name.</source>
        <translation>inboundCall braucht einen Namen (name).</translation>
    </message>
    <message>
        <source>inboundCall needs tasks: a list with at least the starting task.</source>
        <translation>inboundCall braucht tasks: eine Liste mit mindestens dem Start-Task.</translation>
    </message>
    <message>
        <source>Each entry of tasks must be task: with its settings under it.</source>
        <translation>Jeder Eintrag in tasks muss task: mit seinen Einstellungen darunter sein.</translation>
    </message>
    <message>
        <source>A task needs a refId without [ ] # ~ or /; &quot;%1&quot; is not one.</source>
        <translation>Ein Task braucht eine refId ohne [ ] # ~ oder /; &quot;%1&quot; ist keine.</translation>
    </message>
    <message>
        <source>The refId &quot;%1&quot; is used by two tasks.</source>
        <translation>Die refId &quot;%1&quot; wird von zwei Tasks verwendet.</translation>
    </message>
    <message>
        <source>inboundCall needs startUpRef, the starting task.</source>
        <translation>inboundCall braucht startUpRef, den Start-Task.</translation>
    </message>
    <message>
        <source>The file is not valid YAML: %1. Fix the file at this place.</source>
        <translation>Die Datei ist kein gültiges YAML: %1. Korrigieren Sie die Datei an dieser Stelle.</translation>
    </message>
    <message>
        <source>The file is not valid YAML: %1.</source>
        <translation>Die Datei ist kein gültiges YAML: %1.</translation>
    </message>
    <message>
        <source>The flow could not be read: %1.</source>
        <translation>Der Flow konnte nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>The opaque action &quot;%1&quot; has no Archy action key (archyKind); opaque actions come from an Archy import. Remove it.</source>
        <translation>Die opake Aktion &quot;%1&quot; hat keinen Archy-Aktionsschlüssel (archyKind); opake Aktionen stammen aus einem Archy-Import. Entfernen Sie sie.</translation>
    </message>
    <message>
        <source>The zip archive could not be made (%1: %2).</source>
        <translation>Das Zip-Archiv konnte nicht erstellt werden (%1: %2).</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
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
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>single use (jti)</source>
        <translation>einmalig (jti)</translation>
    </message>
    <message>
        <source>reusable (no jti)</source>
        <translation>wiederverwendbar (keine jti)</translation>
    </message>
    <message>
        <source>This project&apos;s flow has none.</source>
        <translation>Der Flow dieses Projekts hat keine.</translation>
    </message>
    <message>
        <source>In this project&apos;s flow: %1.</source>
        <translation>Im Flow dieses Projekts: %1.</translation>
    </message>
    <message>
        <source>Go-live runbook: %1</source>
        <translation>Go-live-Runbook: %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Org id (15 characters)</source>
        <translation>Org-ID (15 Zeichen)</translation>
    </message>
    <message>
        <source>Org id (18 characters)</source>
        <translation>Org-ID (18 Zeichen)</translation>
    </message>
    <message>
        <source>(not a valid id)</source>
        <translation>(keine gültige ID)</translation>
    </message>
    <message>
        <source>SCRT2 domain</source>
        <translation>SCRT2-Domain</translation>
    </message>
    <message>
        <source>voiceCalls base URL</source>
        <translation>voiceCalls-Basis-URL</translation>
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
        <source>Certificate SHA-256</source>
        <translation>Zertifikat SHA-256</translation>
    </message>
    <message>
        <source>Certificate expires</source>
        <translation>Zertifikat läuft ab</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>(no certificate file in the project)</source>
        <translation>(keine Zertifikatsdatei im Projekt)</translation>
    </message>
    <message>
        <source>UUI token policy</source>
        <translation>Richtlinie für das UUI-Token</translation>
    </message>
    <message>
        <source>API token policy</source>
        <translation>Richtlinie für das API-Token</translation>
    </message>
    <message>
        <source>Trunk UUI header</source>
        <translation>UUI-Header des Trunks</translation>
    </message>
    <message>
        <source>Trunk UUI encoding</source>
        <translation>UUI-Kodierung des Trunks</translation>
    </message>
    <message>
        <source>Protocol discriminator</source>
        <translation>Protokoll-Diskriminator</translation>
    </message>
    <message>
        <source>UUI limit</source>
        <translation>UUI-Limit</translation>
    </message>
    <message>
        <source>UUI size now</source>
        <translation>UUI-Größe jetzt</translation>
    </message>
    <message>
        <source>%1 bytes of decoded data</source>
        <translation>%1 Bytes dekodierte Daten</translation>
    </message>
    <message>
        <source>Get the inbound number</source>
        <translation>Die eingehende Rufnummer besorgen</translation>
    </message>
    <message>
        <source>Buy or assign the Genesys number customers dial; calls to it start the inbound flow.</source>
        <translation>Kaufen oder vergeben Sie die Genesys-Nummer, die Kunden wählen; Anrufe darauf starten den eingehenden Flow.</translation>
    </message>
    <message>
        <source>Number dialled in test calls</source>
        <translation>In Testanrufen gewählte Nummer</translation>
    </message>
    <message>
        <source>Install and publish the Function Data Action</source>
        <translation>Die Function Data Action installieren und veröffentlichen</translation>
    </message>
    <message>
        <source>Install the Function Data Actions integration, add an action, paste the contracts from `handoff export contracts`, upload the zip from `handoff export function`, test it with the private key in the integration&apos;s credentials, then publish.</source>
        <translation>Installieren Sie die Integration Function Data Actions, fügen Sie eine Aktion hinzu, fügen Sie die Verträge aus `handoff export contracts` ein, laden Sie das Zip aus `handoff export function` hoch, testen Sie es mit dem privaten Schlüssel in den Zugangsdaten der Integration und veröffentlichen Sie es dann.</translation>
    </message>
    <message>
        <source>The article&apos;s input contract has orgId and privateKey inputs. Genesys reserves orgId, and a key as a flow input would travel through the flow: the exported contract has neither; the key comes from the integration&apos;s credentials.</source>
        <translation>Der Eingabevertrag des Artikels hat die Eingaben orgId und privateKey. Genesys reserviert orgId, und ein Schlüssel als Flow-Eingabe würde durch den Flow wandern: Der exportierte Vertrag hat keines von beiden; der Schlüssel kommt aus den Zugangsdaten der Integration.</translation>
    </message>
    <message>
        <source>Action name</source>
        <translation>Name der Aktion</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Create the inbound call flow in Architect</source>
        <translation>Den eingehenden Anruf-Flow in Architect anlegen</translation>
    </message>
    <message>
        <source>Create the inbound call flow (or import it with `handoff export archy`).</source>
        <translation>Legen Sie den eingehenden Anruf-Flow an (oder importieren Sie ihn mit `handoff export archy`).</translation>
    </message>
    <message>
        <source>Flow name</source>
        <translation>Name des Flows</translation>
    </message>
    <message>
        <source>Turn on transcription</source>
        <translation>Transkription einschalten</translation>
    </message>
    <message>
        <source>Turn on recording</source>
        <translation>Aufzeichnung einschalten</translation>
    </message>
    <message>
        <source>Greet the caller</source>
        <translation>Den Anrufer begrüßen</translation>
    </message>
    <message>
        <source>Create the VoiceCall with a Call Data Action</source>
        <translation>Den VoiceCall mit einer Call Data Action anlegen</translation>
    </message>
    <message>
        <source>The record must exist, with its id known, before the call is transferred.</source>
        <translation>Der Datensatz muss existieren und seine ID bekannt sein, bevor der Anruf weitergeleitet wird.</translation>
    </message>
    <message>
        <source>The API returns the 15-character id; the UUI&apos;s callId needs the 18-character form, which the exported function returns.</source>
        <translation>Die API liefert die 15-stellige ID; die callId der UUI braucht die 18-stellige Form, die die exportierte Funktion liefert.</translation>
    </message>
    <message>
        <source>Keep the VoiceCall id</source>
        <translation>Die VoiceCall-ID behalten</translation>
    </message>
    <message>
        <source>Map the action&apos;s voiceCallId output to a flow variable.</source>
        <translation>Ordnen Sie die Ausgabe voiceCallId der Aktion einer Flow-Variablen zu.</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Branch on the outcome</source>
        <translation>Nach dem Ergebnis verzweigen</translation>
    </message>
    <message>
        <source>Success, failure and timeout each need a path; the go-live check&apos;s GOL008 runs them all.</source>
        <translation>Erfolg, Fehler und Zeitüberschreitung brauchen je einen Pfad; GOL008 der Go-live-Prüfung durchläuft sie alle.</translation>
    </message>
    <message>
        <source>Add Set UUI Data</source>
        <translation>Set UUI Data hinzufügen</translation>
    </message>
    <message>
        <source>The article&apos;s sample value has typographic quotes and a placeholder token, which break the JSON: use the expression below, with straight quotes and the token from the bound variable. With several environments, add one Set UUI Data per environment.</source>
        <translation>Der Beispielwert des Artikels hat typografische Anführungszeichen und ein Platzhalter-Token, die das JSON zerstören: Verwenden Sie den Ausdruck unten, mit geraden Anführungszeichen und dem Token aus der gebundenen Variablen. Bei mehreren Umgebungen fügen Sie je Umgebung ein Set UUI Data hinzu.</translation>
    </message>
    <message>
        <source>Name the action</source>
        <translation>Die Aktion benennen</translation>
    </message>
    <message>
        <source>Give the Set UUI Data action a name.</source>
        <translation>Geben Sie der Aktion Set UUI Data einen Namen.</translation>
    </message>
    <message>
        <source>Enter the UUI</source>
        <translation>Die UUI eingeben</translation>
    </message>
    <message>
        <source>Outgoing UUI Data: For Transfers; choose User-to-User; paste the expression.</source>
        <translation>Outgoing UUI Data: For Transfers; User-to-User wählen; den Ausdruck einfügen.</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Transfer to the Agentforce Voice SIP address</source>
        <translation>An die SIP-Adresse von Agentforce Voice weiterleiten</translation>
    </message>
    <message>
        <source>The number is the SIP address of the Agentforce Voice channel in E.164 form, not a real phone number. The trunk sends the UUI as set below.</source>
        <translation>Die Nummer ist die SIP-Adresse des Agentforce-Voice-Kanals im E.164-Format, keine echte Telefonnummer. Der Trunk sendet die UUI wie unten eingestellt.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Tell the caller</source>
        <translation>Den Anrufer informieren</translation>
    </message>
    <message>
        <source>Set the pre-transfer and failed-transfer audio of the transfer, or add Play Audio.</source>
        <translation>Stellen Sie die Ansagen vor und nach einer fehlgeschlagenen Weiterleitung ein, oder fügen Sie Play Audio hinzu.</translation>
    </message>
    <message>
        <source>Set Post-Flow to the escalation flow</source>
        <translation>Set Post-Flow auf den Eskalations-Flow setzen</translation>
    </message>
    <message>
        <source>Target: Caller, so the caller reaches the escalation flow when the agent hangs up.</source>
        <translation>Ziel: Caller, damit der Anrufer den Eskalations-Flow erreicht, wenn der Agent auflegt.</translation>
    </message>
    <message>
        <source>End with Disconnect</source>
        <translation>Mit Disconnect enden</translation>
    </message>
    <message>
        <source>Save, validate and publish the flow</source>
        <translation>Den Flow speichern, prüfen und veröffentlichen</translation>
    </message>
    <message>
        <source>Then route the number to the flow in Genesys Admin, make one real transfer, and record its date, UUI size and outcome (the go-live check&apos;s GOL013).</source>
        <translation>Leiten Sie dann die Nummer in Genesys Admin auf den Flow, machen Sie eine echte Weiterleitung und erfassen Sie Datum, UUI-Größe und Ergebnis (GOL013 der Go-live-Prüfung).</translation>
    </message>
    <message>
        <source>This project&apos;s values</source>
        <translation>Die Werte dieses Projekts</translation>
    </message>
    <message>
        <source>Steps (in the help article&apos;s order)</source>
        <translation>Schritte (in der Reihenfolge des Hilfeartikels)</translation>
    </message>
    <message>
        <source>Go-live check at the time of export</source>
        <translation>Go-live-Prüfung zum Zeitpunkt des Exports</translation>
    </message>
    <message>
        <source>Differs from the article:</source>
        <translation>Abweichung vom Artikel:</translation>
    </message>
    <message>
        <source>Generated %1 by Handoff Studio.</source>
        <translation>Erstellt %1 von Handoff Studio.</translation>
    </message>
    <message>
        <source>check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>(the token is not bound to a flow variable, so the expression would hold the token itself: bind it on the Export page; a runbook never carries a token)</source>
        <translation>(das Token ist an keine Flow-Variable gebunden, daher enthielte der Ausdruck das Token selbst: Binden Sie es auf der Seite Export; ein Runbook enthält nie ein Token)</translation>
    </message>
    <message>
        <source>inboundCall.%1 must be a name, such as %2.</source>
        <translation>inboundCall.%1 muss ein Name sein, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Go-live runbook: %1, environment %2</source>
        <translation>Go-live-Runbook: %1, Umgebung %2</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>%1 (of %2)</source>
        <translation>%1 (von %2)</translation>
    </message>
    <message>
        <source>Agentforce Voice SIP address</source>
        <translation>SIP-Adresse von Agentforce Voice</translation>
    </message>
    <message>
        <source>(the flow&apos;s Transfer to Number)</source>
        <translation>(die von Transfer to Number im Flow)</translation>
    </message>
</context>
<context>
    <name>handoff::flow</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>This closing parenthesis has no opening one; remove it or add &apos;(&apos; before.</source>
        <translation>Zu dieser schließenden Klammer gibt es keine öffnende; entfernen Sie sie oder fügen Sie davor &apos;(&apos; ein.</translation>
    </message>
    <message>
        <source>Expected the end of the expression here; an operator (and, or, ==, ...) or a comma may be missing before it.</source>
        <translation>Hier wurde das Ende des Ausdrucks erwartet; davor fehlt vielleicht ein Operator (and, or, ==, ...) oder ein Komma.</translation>
    </message>
    <message>
        <source>Comparisons do not chain; put parentheses around one of them, or combine them with &apos;and&apos;.</source>
        <translation>Vergleiche lassen sich nicht verketten; setzen Sie einen davon in Klammern oder verbinden Sie sie mit &apos;and&apos;.</translation>
    </message>
    <message>
        <source>the operator %1</source>
        <translation>der Operator %1</translation>
    </message>
    <message>
        <source>negation with -</source>
        <translation>die Negation mit -</translation>
    </message>
    <message>
        <source>This integer is too large; Architect integers are 64-bit.</source>
        <translation>Diese Ganzzahl ist zu groß; Ganzzahlen in Architect haben 64 Bit.</translation>
    </message>
    <message>
        <source>This decimal number cannot be read.</source>
        <translation>Diese Dezimalzahl kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Expected &apos;)&apos; to close the parenthesis opened at column %1.</source>
        <translation>Erwartet wurde &apos;)&apos;, um die in Spalte %1 geöffnete Klammer zu schließen.</translation>
    </message>
    <message>
        <source>The expression is empty. Write a value, for example &quot;&quot; or NOT_SET.</source>
        <translation>Der Ausdruck ist leer. Schreiben Sie einen Wert, zum Beispiel &quot;&quot; oder NOT_SET.</translation>
    </message>
    <message>
        <source>The expression ends too early; a value is missing here.</source>
        <translation>Der Ausdruck endet zu früh; hier fehlt ein Wert.</translation>
    </message>
    <message>
        <source>Expected a value here (a &quot;string&quot;, a number, a variable such as Call.Ani, or a function call).</source>
        <translation>Hier wurde ein Wert erwartet (ein &quot;String&quot;, eine Zahl, eine Variable wie Call.Ani oder ein Funktionsaufruf).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a value before it.</source>
        <translation>&apos;%1&apos; braucht einen Wert davor.</translation>
    </message>
    <message>
        <source>Write NOT_SET in capitals.</source>
        <translation>Schreiben Sie NOT_SET in Großbuchstaben.</translation>
    </message>
    <message>
        <source>Write the Boolean literals in lower case: true, false.</source>
        <translation>Schreiben Sie die booleschen Literale klein: true, false.</translation>
    </message>
    <message>
        <source>Write the operators and, or, not in lower case.</source>
        <translation>Schreiben Sie die Operatoren and, or, not klein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a value. A variable needs its scope (Call.%1, Flow.%1 or Task.%1); text needs double quotes (&quot;%1&quot;).</source>
        <translation>&apos;%1&apos; ist kein Wert. Eine Variable braucht ihren Bereich (Call.%1, Flow.%1 oder Task.%1); Text braucht doppelte Anführungszeichen (&quot;%1&quot;).</translation>
    </message>
    <message>
        <source>Expected a variable name right after the dot.</source>
        <translation>Direkt nach dem Punkt wurde ein Variablenname erwartet.</translation>
    </message>
    <message>
        <source>Unknown variable scope &apos;%1&apos;. Inbound call flows have Call., Flow. and Task. variables.</source>
        <translation>Unbekannter Variablenbereich &apos;%1&apos;. Eingehende Anruf-Flows haben Call.-, Flow.- und Task.-Variablen.</translation>
    </message>
    <message>
        <source>Expected &apos;]&apos; to close the index opened at column %1.</source>
        <translation>Erwartet wurde &apos;]&apos;, um den in Spalte %1 geöffneten Index zu schließen.</translation>
    </message>
    <message>
        <source>collection indexing with [ ]</source>
        <translation>die Indizierung von Listen mit [ ]</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;)&apos; in the argument list of %1 opened at column %2.</source>
        <translation>Erwartet wurde &apos;,&apos; oder &apos;)&apos; in der Argumentliste von %1, geöffnet in Spalte %2.</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>%1 takes %2 argument(s), not %3.</source>
        <translation>%1 erwartet %2 Argument(e), nicht %3.</translation>
    </message>
    <message>
        <source>Write the function name as %1 (with this case).</source>
        <translation>Schreiben Sie den Funktionsnamen als %1 (in dieser Schreibweise).</translation>
    </message>
    <message>
        <source>the function %1()</source>
        <translation>die Funktion %1()</translation>
    </message>
    <message>
        <source>There is no variable %1. Declare it in the flow&apos;s variables, or check the spelling (names are case-sensitive).</source>
        <translation>Es gibt keine Variable %1. Deklarieren Sie sie in den Variablen des Flows oder prüfen Sie die Schreibweise (Groß-/Kleinschreibung zählt).</translation>
    </message>
    <message>
        <source>%1 is valid Architect but not supported by the simulator, which will not guess its value. Rewrite this part with Append, If, IsSet, IsNotSetOrEmpty, ToString and comparisons, or test this step in Architect.</source>
        <translation>%1 ist in Architect gültig, wird aber vom Simulator nicht unterstützt, der den Wert nicht rät. Schreiben Sie diesen Teil mit Append, If, IsSet, IsNotSetOrEmpty, ToString und Vergleichen um, oder testen Sie diesen Schritt in Architect.</translation>
    </message>
    <message>
        <source>%1 is NOT_SET here, and &apos;%2&apos; needs a Boolean. Check it first with IsSet(...).</source>
        <translation>%1 ist hier NOT_SET, und &apos;%2&apos; braucht einen booleschen Wert. Prüfen Sie ihn zuerst mit IsSet(...).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a Boolean, but %2 is a %3. Compare it (==, &lt;, ...) to get a Boolean.</source>
        <translation>&apos;%1&apos; braucht einen booleschen Wert, aber %2 ist vom Typ %3. Vergleichen Sie ihn (==, &lt;, ...), um einen booleschen Wert zu erhalten.</translation>
    </message>
    <message>
        <source>%1 is NOT_SET, and %2 cannot order it. Check it first with IsSet(...).</source>
        <translation>%1 ist NOT_SET, und %2 kann damit nicht vergleichen. Prüfen Sie ihn zuerst mit IsSet(...).</translation>
    </message>
    <message>
        <source>Cannot compare a %1 with a %2. Convert one side, for example with ToString(...).</source>
        <translation>Ein Wert vom Typ %1 kann nicht mit einem vom Typ %2 verglichen werden. Wandeln Sie eine Seite um, zum Beispiel mit ToString(...).</translation>
    </message>
    <message>
        <source>Booleans cannot be ordered with %1; compare them with == or !=.</source>
        <translation>Boolesche Werte lassen sich nicht mit %1 ordnen; vergleichen Sie sie mit == oder !=.</translation>
    </message>
    <message>
        <source>%1 is NOT_SET, which Append does not accept (Architect runs the error handler). Guard it: If(IsSet(%1), %1, &quot;&quot;).</source>
        <translation>%1 ist NOT_SET, was Append nicht annimmt (Architect führt die Fehlerbehandlung aus). Sichern Sie es ab: If(IsSet(%1), %1, &quot;&quot;).</translation>
    </message>
    <message>
        <source>Append takes strings, but %1 is a %2. Wrap it in ToString(...).</source>
        <translation>Append erwartet Strings, aber %1 ist vom Typ %2. Umschließen Sie es mit ToString(...).</translation>
    </message>
    <message>
        <source>Unknown escape sequence \%1 in a string literal. Architect string literals know \&quot; \\ \n \r \t; write \\ for a backslash.</source>
        <translation>Unbekannte Escape-Sequenz \%1 in einem String-Literal. String-Literale in Architect kennen \&quot; \\ \n \r \t; schreiben Sie \\ für einen Backslash.</translation>
    </message>
    <message>
        <source>This string literal is not closed. Add a closing double quote (&quot;); write a quote inside a string as \&quot;.</source>
        <translation>Dieses String-Literal ist nicht geschlossen. Fügen Sie ein schließendes doppeltes Anführungszeichen (&quot;) hinzu; schreiben Sie ein Anführungszeichen innerhalb eines Strings als \&quot;.</translation>
    </message>
    <message>
        <source>Typographic quote %1: Architect needs a plain double quote (&quot;). Retype it, or paste from a plain-text editor.</source>
        <translation>Typografisches Anführungszeichen %1: Architect braucht ein gerades doppeltes Anführungszeichen (&quot;). Tippen Sie es neu oder fügen Sie aus einem Nur-Text-Editor ein.</translation>
    </message>
    <message>
        <source>Single quotes do not make a string in Architect expressions; use double quotes (&quot;).</source>
        <translation>Einfache Anführungszeichen ergeben in Architect-Ausdrücken keinen String; verwenden Sie doppelte (&quot;).</translation>
    </message>
    <message>
        <source>A number runs into letters here. Separate them, or quote the text as a string.</source>
        <translation>Hier geht eine Zahl direkt in Buchstaben über. Trennen Sie sie, oder setzen Sie den Text als String in Anführungszeichen.</translation>
    </message>
    <message>
        <source>Write != for &quot;not equal&quot;; &lt;&gt; is not an operator.</source>
        <translation>Schreiben Sie != für „ungleich“; &lt;&gt; ist kein Operator.</translation>
    </message>
    <message>
        <source>A single = is not an operator; compare with ==.</source>
        <translation>Ein einzelnes = ist kein Operator; vergleichen Sie mit ==.</translation>
    </message>
    <message>
        <source>Write not(...) to negate; ! is not an operator.</source>
        <translation>Schreiben Sie not(...) zum Negieren; ! ist kein Operator.</translation>
    </message>
    <message>
        <source>Write &apos;and&apos; to combine conditions; &amp;&amp; is not an operator.</source>
        <translation>Schreiben Sie &apos;and&apos;, um Bedingungen zu verbinden; &amp;&amp; ist kein Operator.</translation>
    </message>
    <message>
        <source>Write &apos;or&apos; to combine conditions; || is not an operator.</source>
        <translation>Schreiben Sie &apos;or&apos;, um Bedingungen zu verbinden; || ist kein Operator.</translation>
    </message>
    <message>
        <source>Unexpected character &apos;%1&apos;. Check for a missing quote or a stray character.</source>
        <translation>Unerwartetes Zeichen &apos;%1&apos;. Prüfen Sie auf ein fehlendes Anführungszeichen oder ein überzähliges Zeichen.</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <source>Enable Participant Recording</source>
        <translation>Enable Participant Recording</translation>
    </message>
    <message>
        <source>Play Audio</source>
        <translation>Play Audio</translation>
    </message>
    <message>
        <source>Call Data Action</source>
        <translation>Call Data Action</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Update Data</source>
        <translation>Update Data</translation>
    </message>
    <message>
        <source>Set UUI Data</source>
        <translation>Set UUI Data</translation>
    </message>
    <message>
        <source>Transfer to Number</source>
        <translation>Transfer to Number</translation>
    </message>
    <message>
        <source>Set Post-Flow</source>
        <translation>Set Post-Flow</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Jump to Reusable Task</source>
        <translation>Jump to Reusable Task</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a string.</source>
        <translation>&apos;%1&apos; muss ein String sein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false.</source>
        <translation>&apos;%1&apos; muss true oder false sein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation>&apos;%1&apos; muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a JSON object.</source>
        <translation>&apos;%1&apos; muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a JSON array.</source>
        <translation>&apos;%1&apos; muss ein JSON-Array sein.</translation>
    </message>
    <message>
        <source>Each entry of &apos;%1&apos; must be an object with &apos;%2&apos; and &apos;%3&apos;.</source>
        <translation>Jeder Eintrag von &apos;%1&apos; muss ein Objekt mit &apos;%2&apos; und &apos;%3&apos; sein.</translation>
    </message>
    <message>
        <source>&apos;mode&apos; must be &quot;transfer&quot; or &quot;disconnect&quot;, not &quot;%1&quot;.</source>
        <translation>&apos;mode&apos; muss &quot;transfer&quot; oder &quot;disconnect&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&apos;source&apos; must be &quot;expression&quot; or &quot;projectTemplate&quot;, not &quot;%1&quot;.</source>
        <translation>&apos;source&apos; muss &quot;expression&quot; oder &quot;projectTemplate&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&apos;target&apos; must be &quot;Caller&quot; or &quot;Agent&quot;, not &quot;%1&quot;.</source>
        <translation>&apos;target&apos; muss &quot;Caller&quot; oder &quot;Agent&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown variable type &quot;%1&quot;; use String, Integer, Decimal or Boolean.</source>
        <translation>Unbekannter Variablentyp „%1“; verwenden Sie String, Integer, Decimal oder Boolean.</translation>
    </message>
    <message>
        <source>The initial value does not fit the type %1.</source>
        <translation>Der Anfangswert passt nicht zum Typ %1.</translation>
    </message>
    <message>
        <source>Unknown supplier &quot;%1&quot;; the only one is &quot;projectUuiToken&quot;.</source>
        <translation>Unbekannte Quelle „%1“; die einzige ist „projectUuiToken“.</translation>
    </message>
    <message>
        <source>Each action must be a JSON object.</source>
        <translation>Jede Aktion muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>A %1 action has no path &quot;%2&quot;; its paths are: %3.</source>
        <translation>Eine %1-Aktion hat keinen Pfad „%2“; ihre Pfade sind: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Inbound call to Agentforce Voice (SIP transfer)</source>
        <translation>Eingehender Anruf an Agentforce Voice (SIP-Transfer)</translation>
    </message>
    <message>
        <source>The UUI token (JWT), pasted into the flow and reused until it expires. The simulator takes it from the project&apos;s token policy.</source>
        <translation>Das UUI-Token (JWT), in den Flow eingefügt und bis zu seinem Ablauf wiederverwendet. Der Simulator nimmt es aus der Token-Richtlinie des Projekts.</translation>
    </message>
    <message>
        <source>The API name of the contact center in Salesforce.</source>
        <translation>Der API-Name des Contact Centers in Salesforce.</translation>
    </message>
    <message>
        <source>The org&apos;s SCRT2 base URL.</source>
        <translation>Die SCRT2-Basis-URL der Org.</translation>
    </message>
    <message>
        <source>The 15-character Salesforce org id.</source>
        <translation>Die 15-stellige Salesforce-Org-ID.</translation>
    </message>
    <message>
        <source>Why the transfer failed (Transfer to Number&apos;s errorType).</source>
        <translation>Warum der Transfer fehlschlug (errorType von Transfer to Number).</translation>
    </message>
    <message>
        <source>The transfer failure message (errorMessage).</source>
        <translation>Die Fehlermeldung des Transfers (errorMessage).</translation>
    </message>
    <message>
        <source>Thank you for calling. One moment while we connect you.</source>
        <translation>Vielen Dank für Ihren Anruf. Einen Moment bitte, wir verbinden Sie.</translation>
    </message>
    <message>
        <source>VoiceCall created?</source>
        <translation>VoiceCall angelegt?</translation>
    </message>
    <message>
        <source>Connecting you to our virtual agent.</source>
        <translation>Wir verbinden Sie mit unserem virtuellen Agenten.</translation>
    </message>
    <message>
        <source>Sorry, we could not connect you.</source>
        <translation>Leider konnten wir Sie nicht verbinden.</translation>
    </message>
    <message>
        <source>Please call again later. Goodbye.</source>
        <translation>Bitte rufen Sie später noch einmal an. Auf Wiederhören.</translation>
    </message>
    <message>
        <source>We cannot take your call right now. Please call again later.</source>
        <translation>Wir können Ihren Anruf gerade nicht annehmen. Bitte rufen Sie später noch einmal an.</translation>
    </message>
    <message>
        <source>Two actions have the id &apos;%1&apos;; ids must be unique. Rename one of them.</source>
        <translation>Zwei Aktionen haben die ID &apos;%1&apos;; IDs müssen eindeutig sein. Benennen Sie eine davon um.</translation>
    </message>
    <message>
        <source>There is no variable %1. Declare it in the flow&apos;s variables (with its scope, e.g. Flow.%2), or fix the spelling.</source>
        <translation>Es gibt keine Variable %1. Deklarieren Sie sie in den Variablen des Flows (mit ihrem Bereich, z. B. Flow.%2) oder korrigieren Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>%1 is a read-only built-in variable; write to a Flow. or Task. variable instead.</source>
        <translation>%1 ist eine schreibgeschützte eingebaute Variable; schreiben Sie stattdessen in eine Flow.- oder Task.-Variable.</translation>
    </message>
    <message>
        <source>%1: this expression is empty. Write a value (&quot;&quot; for empty text).</source>
        <translation>%1: Dieser Ausdruck ist leer. Schreiben Sie einen Wert (&quot;&quot; für leeren Text).</translation>
    </message>
    <message>
        <source>%1, column %2 of the expression: %3</source>
        <translation>%1, Spalte %2 des Ausdrucks: %3</translation>
    </message>
    <message>
        <source>%1: %2 is valid Architect but not supported by the simulator; simulated calls stop there. Test this step in Architect.</source>
        <translation>%1: %2 ist in Architect gültig, wird aber vom Simulator nicht unterstützt; simulierte Anrufe halten dort an. Testen Sie diesen Schritt in Architect.</translation>
    </message>
    <message>
        <source>%1: an assignment has no variable; name the variable it sets.</source>
        <translation>%1: Eine Zuweisung hat keine Variable; nennen Sie die Variable, die sie setzt.</translation>
    </message>
    <message>
        <source>%1 needs the variable that holds the UUI token.</source>
        <translation>%1 braucht die Variable, die das UUI-Token enthält.</translation>
    </message>
    <message>
        <source>%1 can be reached before the VoiceCall is created. Salesforce needs the VoiceCall record before the call arrives: put the transfer on the success path of the Call Data Action.</source>
        <translation>%1 kann erreicht werden, bevor der VoiceCall angelegt ist. Salesforce braucht den VoiceCall-Datensatz, bevor der Anruf ankommt: Legen Sie den Transfer auf den Erfolgspfad der Call Data Action.</translation>
    </message>
    <message>
        <source>%1 can be reached without Set UUI Data (For Transfers) before it on every path, so the INVITE may carry no UUI and Salesforce refuses the call. Add Set UUI Data with mode transfer before the transfer on each path.</source>
        <translation>%1 kann erreicht werden, ohne dass auf jedem Pfad Set UUI Data (For Transfers) davor liegt; das INVITE trägt dann womöglich keine UUI, und Salesforce lehnt den Anruf ab. Fügen Sie auf jedem Pfad vor dem Transfer Set UUI Data mit dem Modus transfer ein.</translation>
    </message>
    <message>
        <source>%1 reads %2, which may be NOT_SET here: no path sets it before on every way in. Set it earlier (Update Data, a data action output), give it an initial value, or guard it with IsSet(%2).</source>
        <translation>%1 liest %2, das hier NOT_SET sein kann: Nicht jeder Weg hierher setzt es vorher. Setzen Sie es früher (Update Data, eine Ausgabe einer Datenaktion), geben Sie ihm einen Anfangswert oder sichern Sie es mit IsSet(%2) ab.</translation>
    </message>
    <message>
        <source>The actions %1 form a loop with no way out: every call that enters it runs until Architect&apos;s limit of %2 actions and then ends in error handling. Add a Decision that leaves the loop.</source>
        <translation>Die Aktionen %1 bilden eine Schleife ohne Ausgang: Jeder Anruf, der hineinläuft, läuft bis zum Limit von Architect von %2 Aktionen und endet dann in der Fehlerbehandlung. Fügen Sie eine Decision hinzu, die die Schleife verlässt.</translation>
    </message>
    <message>
        <source>The actions %1 form a loop that leaves only when an outcome changes (for example a data action that keeps failing repeats until Architect&apos;s limit of %2 actions). Count the rounds in a variable (Update Data) and leave after a few with a Decision.</source>
        <translation>Die Aktionen %1 bilden eine Schleife, die nur verlassen wird, wenn sich ein Ergebnis ändert (zum Beispiel wiederholt sich eine dauerhaft fehlschlagende Datenaktion bis zum Limit von Architect von %2 Aktionen). Zählen Sie die Runden in einer Variable (Update Data) und verlassen Sie die Schleife nach einigen Runden mit einer Decision.</translation>
    </message>
    <message>
        <source>The input name &apos;%1&apos; of %2 is not flat: Genesys data action input contracts are flat objects, so use letters, digits and _ only (no dots, brackets or spaces).</source>
        <translation>Der Eingabename &apos;%1&apos; von %2 ist nicht flach: Eingabeverträge von Genesys-Datenaktionen sind flache Objekte, verwenden Sie daher nur Buchstaben, Ziffern und _ (keine Punkte, Klammern oder Leerzeichen).</translation>
    </message>
    <message>
        <source>The input &apos;%1&apos; of %2 is given twice; keep one.</source>
        <translation>Die Eingabe &apos;%1&apos; von %2 ist doppelt angegeben; behalten Sie eine.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved by Genesys in data action contracts (the help article&apos;s sample uses orgId all the same). Rename the input, e.g. to salesforce%2, in the contract, the function and here.</source>
        <translation>&apos;%1&apos; ist von Genesys in Verträgen von Datenaktionen reserviert (das Beispiel im Hilfeartikel verwendet orgId trotzdem). Benennen Sie die Eingabe um, z. B. in salesforce%2, im Vertrag, in der Funktion und hier.</translation>
    </message>
    <message>
        <source>%1 targets the Agent. To send the caller to the escalation flow when the Agentforce agent hangs up, set Target to Caller.</source>
        <translation>%1 zielt auf den Agenten (Agent). Damit der Anrufer zum Eskalations-Flow geht, wenn der Agentforce-Agent auflegt, setzen Sie das Ziel auf Caller.</translation>
    </message>
    <message>
        <source>%1 does not use the User-to-User option; Salesforce reads the UUI from the User-to-User header. Select it.</source>
        <translation>%1 verwendet nicht die Option User-to-User; Salesforce liest die UUI aus dem Header User-to-User. Wählen Sie diese Option.</translation>
    </message>
    <message>
        <source>The transfer number &apos;%1&apos; of %2 is not in E.164 form. Write + and the country code and number, 1 to 15 digits, no spaces or tel: prefix (for example +15550100100): the Agentforce Voice SIP address from the channel setup.</source>
        <translation>Die Transfernummer &apos;%1&apos; von %2 ist nicht im E.164-Format. Schreiben Sie + mit Landesvorwahl und Nummer, 1 bis 15 Ziffern, ohne Leerzeichen oder tel:-Präfix (zum Beispiel +15550100100): die SIP-Adresse von Agentforce Voice aus der Kanaleinrichtung.</translation>
    </message>
    <message>
        <source>The UUI&apos;s callId comes from %1, which no Call Data Action sets. Bind the data action&apos;s voiceCallId output to a variable and use that variable here.</source>
        <translation>Die callId der UUI stammt aus %1, das keine Call Data Action setzt. Binden Sie die Ausgabe voiceCallId der Datenaktion an eine Variable und verwenden Sie diese Variable hier.</translation>
    </message>
    <message>
        <source>The UUI expression of %1 writes a callId, but not from the Call Data Action&apos;s output: it would send a fixed or wrong VoiceCall id. Use the variable bound to the voiceCallId output.</source>
        <translation>Der UUI-Ausdruck von %1 schreibt eine callId, aber nicht aus der Ausgabe der Call Data Action: Er würde eine feste oder falsche VoiceCall-ID senden. Verwenden Sie die an die Ausgabe voiceCallId gebundene Variable.</translation>
    </message>
    <message>
        <source>The VoiceCall is created and the Agentforce Voice agent takes the call.</source>
        <translation>Der VoiceCall wird angelegt, und der Agent von Agentforce Voice übernimmt den Anruf.</translation>
    </message>
    <message>
        <source>Creating the VoiceCall fails: the caller is told and disconnected.</source>
        <translation>Das Anlegen des VoiceCall schlägt fehl: Der Anrufer wird informiert und getrennt.</translation>
    </message>
    <message>
        <source>The data action does not answer in time.</source>
        <translation>Die Datenaktion antwortet nicht rechtzeitig.</translation>
    </message>
    <message>
        <source>Each scenario must be a JSON object.</source>
        <translation>Jedes Szenario muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;%1.%2&quot; is not known to this version; it is ignored and not written back when the project is saved.</source>
        <translation>„%1.%2“ ist dieser Version nicht bekannt; es wird ignoriert und beim Speichern des Projekts nicht zurückgeschrieben.</translation>
    </message>
    <message>
        <source>A scenario needs a name.</source>
        <translation>Ein Szenario braucht einen Namen.</translation>
    </message>
    <message>
        <source>&apos;at&apos; must be an ISO-8601 time such as 2026-03-02T09:00:00Z, not &quot;%1&quot;.</source>
        <translation>&apos;at&apos; muss eine Zeit nach ISO 8601 sein, etwa 2026-03-02T09:00:00Z, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&apos;dataAction&apos; must be success, failure, timeout or backend, not &quot;%1&quot;.</source>
        <translation>&apos;dataAction&apos; muss success, failure, timeout oder backend sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&apos;transfer&apos; must be ok or fail, not &quot;%1&quot;.</source>
        <translation>&apos;transfer&apos; muss ok oder fail sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>scripted failure</source>
        <translation>skriptgesteuerter Fehler</translation>
    </message>
    <message>
        <source>The call ran %1 actions and Architect&apos;s limit stopped it (its error handling takes the call). A loop does not end: bound it with a counter.</source>
        <translation>Der Anruf hat %1 Aktionen durchlaufen, und das Limit von Architect hat ihn gestoppt (seine Fehlerbehandlung übernimmt den Anruf). Eine Schleife endet nicht: Begrenzen Sie sie mit einem Zähler.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos;, %3 (column %4): %5</source>
        <translation>%1 &apos;%2&apos;, %3 (Spalte %4): %5</translation>
    </message>
    <message>
        <source>Transcription on.</source>
        <translation>Transkription ein.</translation>
    </message>
    <message>
        <source>Transcription off.</source>
        <translation>Transkription aus.</translation>
    </message>
    <message>
        <source>Recording enabled (cannot be undone).</source>
        <translation>Aufzeichnung aktiviert (nicht rückgängig zu machen).</translation>
    </message>
    <message>
        <source>Plays prompt %1.</source>
        <translation>Spielt Ansage %1 ab.</translation>
    </message>
    <message>
        <source>No answer within %1 s: timeout path.</source>
        <translation>Keine Antwort innerhalb von %1 s: Timeout-Pfad.</translation>
    </message>
    <message>
        <source>The data action failed (HTTP %1): failure path.</source>
        <translation>Die Datenaktion ist fehlgeschlagen (HTTP %1): Fehlerpfad.</translation>
    </message>
    <message>
        <source>Decision &apos;%1&apos;: the condition gave %2, not a Boolean. Compare it (==, IsSet, ...) so it gives true or false.</source>
        <translation>Decision &apos;%1&apos;: Die Bedingung ergab %2, keinen booleschen Wert. Vergleichen Sie (==, IsSet, ...), sodass sie true oder false ergibt.</translation>
    </message>
    <message>
        <source>Update Data &apos;%1&apos;: %2 is a %3 variable but gets %4. Convert the value.</source>
        <translation>Update Data &apos;%1&apos;: %2 ist eine Variable vom Typ %3, erhält aber %4. Wandeln Sie den Wert um.</translation>
    </message>
    <message>
        <source>Set UUI Data &apos;%1&apos;: the expression gave %2, not a String.</source>
        <translation>Set UUI Data &apos;%1&apos;: Der Ausdruck ergab %2, keinen String.</translation>
    </message>
    <message>
        <source>NOT_SET: no UUI is sent.</source>
        <translation>NOT_SET: Es wird keine UUI gesendet.</translation>
    </message>
    <message>
        <source>&quot;&quot;: the UUI is cleared.</source>
        <translation>&quot;&quot;: Die UUI wird geleert.</translation>
    </message>
    <message>
        <source>UUI %1: %2 bytes of JSON, %3 of %4 characters (%5).</source>
        <translation>UUI %1: %2 Byte JSON, %3 von %4 Zeichen (%5).</translation>
    </message>
    <message>
        <source>for transfers</source>
        <translation>für Transfers</translation>
    </message>
    <message>
        <source>for disconnect</source>
        <translation>für Disconnect</translation>
    </message>
    <message>
        <source>The INVITE carries no UUI (no Set UUI Data for transfers before the transfer, or it was NOT_SET or cleared): Salesforce cannot authenticate the call and refuses it.</source>
        <translation>Das INVITE trägt keine UUI (kein Set UUI Data für Transfers vor dem Transfer, oder sie war NOT_SET oder geleert): Salesforce kann den Anruf nicht authentifizieren und lehnt ihn ab.</translation>
    </message>
    <message>
        <source>The UUI token expired at %1 (issued %2); the call at %3 is refused and the SIP transfer fails. Mint tokens again before they expire (24 h at most).</source>
        <translation>Das UUI-Token ist seit %1 abgelaufen (ausgestellt %2); der Anruf um %3 wird abgelehnt, und der SIP-Transfer schlägt fehl. Erzeugen Sie Tokens neu, bevor sie ablaufen (höchstens 24 h).</translation>
    </message>
    <message>
        <source>The UUI token has a jti and was used by an earlier call; Salesforce refuses a second use. Leave jti out of a reused UUI token, or mint one per call.</source>
        <translation>Das UUI-Token hat eine jti und wurde schon von einem früheren Anruf verwendet; Salesforce lehnt eine zweite Verwendung ab. Lassen Sie jti bei einem wiederverwendeten UUI-Token weg, oder erzeugen Sie eines pro Anruf.</translation>
    </message>
    <message>
        <source>The far end refused the transfer (scripted).</source>
        <translation>Die Gegenstelle hat den Transfer abgelehnt (skriptgesteuert).</translation>
    </message>
    <message>
        <source>Transferred to %1: the Agentforce Voice agent takes the call.</source>
        <translation>Übertragen an %1: Der Agent von Agentforce Voice übernimmt den Anruf.</translation>
    </message>
    <message>
        <source>The transfer failed (%1): failure path.</source>
        <translation>Der Transfer ist fehlgeschlagen (%1): Fehlerpfad.</translation>
    </message>
    <message>
        <source>After the transfer, when the Agentforce agent hangs up, the %1 goes to %2.</source>
        <translation>Nach dem Transfer geht, wenn der Agentforce-Agent auflegt, der %1 zu %2.</translation>
    </message>
    <message>
        <source>caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>The call is disconnected.</source>
        <translation>Der Anruf wird getrennt.</translation>
    </message>
    <message>
        <source>The call is disconnected; the UUI set for disconnect goes with it: %1</source>
        <translation>Der Anruf wird getrennt; die für Disconnect gesetzte UUI geht mit: %1</translation>
    </message>
    <message>
        <source>data action %1, transfer %2</source>
        <translation>Datenaktion %1, Transfer %2</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>ends in %1: Architect&apos;s error handling takes the call.</source>
        <translation>endet in %1: Die Fehlerbehandlung von Architect übernimmt den Anruf.</translation>
    </message>
    <message>
        <source>everything succeeded, yet the caller did not reach the agent.</source>
        <translation>erreicht den Agenten nicht, obwohl alles erfolgreich war.</translation>
    </message>
    <message>
        <source>everything succeeded, yet the caller did not reach the agent (%1).</source>
        <translation>erreicht den Agenten nicht, obwohl alles erfolgreich war (%1).</translation>
    </message>
    <message>
        <source>transferred without a VoiceCall: Salesforce has no record to link the call to.</source>
        <translation>wird ohne VoiceCall übertragen: Salesforce hat keinen Datensatz, mit dem der Anruf verknüpft werden kann.</translation>
    </message>
    <message>
        <source>reaches the agent.</source>
        <translation>erreicht den Agenten.</translation>
    </message>
    <message>
        <source>handled: the caller is told and disconnected.</source>
        <translation>wird behandelt: Der Anrufer wird informiert und getrennt.</translation>
    </message>
    <message>
        <source>With %1: %2</source>
        <translation>Bei %1: Der Anruf %2</translation>
    </message>
    <message>
        <source>The reused UUI token expired: mint a new one before it expires (at most 24 h apart).</source>
        <translation>Das wiederverwendete UUI-Token ist abgelaufen: Erzeugen Sie ein neues, bevor es abläuft (im Abstand von höchstens 24 h).</translation>
    </message>
    <message>
        <source>A single-use token (with jti) was used again: mint one per call, or drop jti for a reused token.</source>
        <translation>Ein Einmal-Token (mit jti) wurde erneut verwendet: Erzeugen Sie eines pro Anruf, oder lassen Sie jti bei einem wiederverwendeten Token weg.</translation>
    </message>
    <message>
        <source>Fix that first: it fails every call, whatever the token&apos;s age.</source>
        <translation>Beheben Sie das zuerst: Es lässt jeden Anruf scheitern, unabhängig vom Alter des Tokens.</translation>
    </message>
    <message>
        <source>Transfers start failing at hour %1 (%2), %3 of %4 calls fail; first reason %5. %6</source>
        <translation>Transfers beginnen in Stunde %1 (%2) fehlzuschlagen, %3 von %4 Anrufen scheitern; erster Grund: %5. %6</translation>
    </message>
    <message>
        <source>Action not modelled</source>
        <translation>Nicht modellierte Aktion</translation>
    </message>
    <message>
        <source>%1 is the Archy action %2, which Handoff Studio does not model: it is kept and exported unchanged, but not checked or simulated. Test it in Architect.</source>
        <translation>%1 ist die Archy-Aktion %2, die Handoff Studio nicht modelliert: Sie wird beibehalten und unverändert exportiert, aber nicht geprüft oder simuliert. Testen Sie sie in Architect.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the Archy action %2, which the simulator does not model; the call stops here. Test this part of the flow in Architect.</source>
        <translation>&apos;%1&apos; ist die Archy-Aktion %2, die der Simulator nicht modelliert; der Anruf endet hier. Testen Sie diesen Teil des Flows in Architect.</translation>
    </message>
    <message>
        <source>The expression nests more than %1 levels deep (parentheses, function calls, not, -); split it into steps with Update Data.</source>
        <translation>Der Ausdruck ist tiefer als %1 Ebenen verschachtelt (Klammern, Funktionsaufrufe, not, -); teilen Sie ihn mit Update Data in Schritte auf.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not known to this version; it is kept as it is and written back when the project is saved.</source>
        <translation>„%1“ ist dieser Version nicht bekannt; es wird unverändert beibehalten und beim Speichern des Projekts zurückgeschrieben.</translation>
    </message>
    <message>
        <source>Unknown action kind &quot;%1&quot;; the kinds are: %2.</source>
        <translation>Unbekannte Aktionsart „%1“; die Arten sind: %2.</translation>
    </message>
    <message>
        <source>A %1 action has no output &quot;%2&quot;; its outputs are: %3.</source>
        <translation>Eine %1-Aktion hat keinen Ausgang „%2“; ihre Ausgänge sind: %3.</translation>
    </message>
    <message>
        <source>An output must be a JSON array of actions.</source>
        <translation>Ein Ausgang muss ein JSON-Array von Aktionen sein.</translation>
    </message>
    <message>
        <source>A %1 action has no property &quot;%2&quot;; its properties are: %3.</source>
        <translation>Eine %1-Aktion hat keine Eigenschaft „%2“; ihre Eigenschaften sind: %3.</translation>
    </message>
    <message>
        <source>Each task must be a JSON object with an id, a name and actions.</source>
        <translation>Jeder Task muss ein JSON-Objekt mit einer ID, einem Namen und Aktionen sein.</translation>
    </message>
    <message>
        <source>Every action of a version 2 flow needs an id of its own; &apos;%1&apos; is empty or used twice, so the flow cannot be converted. Fix the id in the file.</source>
        <translation>Jede Aktion eines Flows der Version 2 braucht eine eigene ID; &apos;%1&apos; ist leer oder doppelt vergeben, daher kann der Flow nicht umgewandelt werden. Korrigieren Sie die ID in der Datei.</translation>
    </message>
    <message>
        <source>The canvas positions of the version 2 actions are not kept: the designer lays out each task top to bottom, as Architect does.</source>
        <translation>Die Positionen der Aktionen der Version 2 auf der Arbeitsfläche werden nicht übernommen: Der Designer ordnet jeden Task von oben nach unten an, wie Architect.</translation>
    </message>
    <message>
        <source>Jump to %1</source>
        <translation>Sprung zu %1</translation>
    </message>
    <message>
        <source>A path leads to &apos;%1&apos;, which does not exist; the path ends there.</source>
        <translation>Ein Pfad führt zu &apos;%1&apos;, das es nicht gibt; der Pfad endet dort.</translation>
    </message>
    <message>
        <source>Jump to the start</source>
        <translation>Sprung zum Start</translation>
    </message>
    <message>
        <source>Starting task</source>
        <translation>Start-Task</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was reached from more than one place (or jumped to); it now heads the reusable task &apos;%2&apos;, and each place jumps to it.</source>
        <translation>&apos;%1&apos; wurde von mehr als einer Stelle aus erreicht (oder angesprungen); es steht jetzt am Anfang des wiederverwendbaren Tasks &apos;%2&apos;, und jede dieser Stellen springt dorthin.</translation>
    </message>
    <message>
        <source>No path led to &apos;%1&apos;; it is kept in the task &apos;%2&apos; so nothing is lost.</source>
        <translation>Kein Pfad führte zu &apos;%1&apos;; es wird im Task &apos;%2&apos; aufbewahrt, damit nichts verloren geht.</translation>
    </message>
    <message>
        <source>There is no action &apos;%1&apos; in the flow; check the id (`handoff flow show` lists them).</source>
        <translation>Im Flow gibt es keine Aktion &apos;%1&apos;; prüfen Sie die ID (`handoff flow show` listet die IDs auf).</translation>
    </message>
    <message>
        <source>There is no task &apos;%1&apos; in the flow.</source>
        <translation>Im Flow gibt es keinen Task &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The action &apos;%1&apos; is in the task &apos;%2&apos;, not in &apos;%3&apos;.</source>
        <translation>Die Aktion &apos;%1&apos; liegt im Task &apos;%2&apos;, nicht in &apos;%3&apos;.</translation>
    </message>
    <message>
        <source>Position %1 is outside the list, which has %2 actions (use 0 to %2, or -1 for the end).</source>
        <translation>Position %1 liegt außerhalb der Liste, die %2 Aktionen hat (verwenden Sie 0 bis %2 oder -1 für das Ende).</translation>
    </message>
    <message>
        <source>Nothing can follow &apos;%1&apos; (%2): it ends the list. Put the action before it, or in another path.</source>
        <translation>Auf &apos;%1&apos; (%2) kann nichts folgen: Es beendet die Liste. Setzen Sie die Aktion davor oder in einen anderen Pfad.</translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; has a space or one of [ ] # ~ /; use letters, digits, - and _.</source>
        <translation>Die ID &apos;%1&apos; enthält ein Leerzeichen oder eines der Zeichen [ ] # ~ /; verwenden Sie Buchstaben, Ziffern, - und _.</translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; is already used in the flow; ids must be unique.</source>
        <translation>Die ID &apos;%1&apos; wird im Flow schon verwendet; IDs müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>A %1 action has no output &quot;%2&quot;.</source>
        <translation>Eine %1-Aktion hat keinen Ausgang „%2“.</translation>
    </message>
    <message>
        <source>There are not %1 actions from &apos;%2&apos; on in its list (only %3).</source>
        <translation>Ab &apos;%2&apos; gibt es in seiner Liste keine %1 Aktionen (nur %3).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot move into its own path: &apos;%2&apos; is part of what moves.</source>
        <translation>&apos;%1&apos; kann nicht in einen eigenen Pfad verschoben werden: &apos;%2&apos; gehört zu dem, was verschoben wird.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2 action; its kind cannot change. Insert a new action instead.</source>
        <translation>&apos;%1&apos; ist eine %2-Aktion; ihre Art lässt sich nicht ändern. Fügen Sie stattdessen eine neue Aktion ein.</translation>
    </message>
    <message>
        <source>&apos;name&apos; must be a string.</source>
        <translation>&apos;name&apos; muss ein String sein.</translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; is empty or has a space or one of [ ] # ~ /; use letters, digits, - and _.</source>
        <translation>Die ID &apos;%1&apos; ist leer oder enthält ein Leerzeichen oder eines der Zeichen [ ] # ~ /; verwenden Sie Buchstaben, Ziffern, - und _.</translation>
    </message>
    <message>
        <source>The id &apos;%1&apos; is already used in the flow; choose another.</source>
        <translation>Die ID &apos;%1&apos; wird im Flow schon verwendet; wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The task id &apos;%1&apos; is empty or has a space or one of [ ] # ~ / (Archy writes it as the task&apos;s refId).</source>
        <translation>Die Task-ID &apos;%1&apos; ist leer oder enthält ein Leerzeichen oder eines der Zeichen [ ] # ~ / (Archy schreibt sie als refId des Tasks).</translation>
    </message>
    <message>
        <source>There is a task &apos;%1&apos; already; choose another id.</source>
        <translation>Es gibt schon einen Task &apos;%1&apos;; wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <source>The task id &apos;%1&apos; is empty or has a space or one of [ ] # ~ /.</source>
        <translation>Die Task-ID &apos;%1&apos; ist leer oder enthält ein Leerzeichen oder eines der Zeichen [ ] # ~ /.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the starting task; make another task the start before removing it.</source>
        <translation>&apos;%1&apos; ist der Start-Task; machen Sie einen anderen Task zum Start, bevor Sie ihn entfernen.</translation>
    </message>
    <message>
        <source>The task &apos;%1&apos; is still jumped to by %2; change or remove those jumps first.</source>
        <translation>Der Task &apos;%1&apos; ist noch Sprungziel von %2; ändern oder entfernen Sie zuerst diese Sprünge.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a variable name Architect takes: write the scope, a dot and a name of letters, digits and _ (Flow.count, Task.voiceCallId).</source>
        <translation>&apos;%1&apos; ist kein Variablenname, den Architect annimmt: Schreiben Sie den Bereich, einen Punkt und einen Namen aus Buchstaben, Ziffern und _ (Flow.count, Task.voiceCallId).</translation>
    </message>
    <message>
        <source>There is a variable %1 already.</source>
        <translation>Es gibt schon eine Variable %1.</translation>
    </message>
    <message>
        <source>There is no variable %1 in the flow (built-in Call variables cannot be renamed).</source>
        <translation>Im Flow gibt es keine Variable %1 (eingebaute Call-Variablen können nicht umbenannt werden).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a variable name Architect takes: write the scope, a dot and a name of letters, digits and _.</source>
        <translation>&apos;%1&apos; ist kein Variablenname, den Architect annimmt: Schreiben Sie den Bereich, einen Punkt und einen Namen aus Buchstaben, Ziffern und _.</translation>
    </message>
    <message>
        <source>There is no variable %1 in the flow.</source>
        <translation>Im Flow gibt es keine Variable %1.</translation>
    </message>
    <message>
        <source>%1 is still used by %2; change those actions first.</source>
        <translation>%1 wird noch von %2 verwendet; ändern Sie zuerst diese Aktionen.</translation>
    </message>
    <message>
        <source>The help article&apos;s sample flow. Differences on purpose: the org id input is named salesforceOrgId (Genesys reserves orgId in data action contracts); the private key is not an input (keep it in the integration&apos;s credentials); callAttributes is real JSON; Set Post-Flow comes before the transfer, because after a successful transfer the flow does not run on; the function returns the 18-character VoiceCall id and a UUI token minted for the call.</source>
        <translation>Der Beispiel-Flow aus dem Hilfeartikel. Bewusste Abweichungen: Die Eingabe für die Org-ID heißt salesforceOrgId (Genesys reserviert orgId in Verträgen von Datenaktionen); der private Schlüssel ist keine Eingabe (bewahren Sie ihn in den Zugangsdaten der Integration auf); callAttributes ist echtes JSON; Set Post-Flow steht vor dem Transfer, weil der Flow nach einem erfolgreichen Transfer nicht weiterläuft; die Funktion gibt die 18-stellige VoiceCall-ID und ein für den Anruf erzeugtes UUI-Token zurück.</translation>
    </message>
    <message>
        <source>The UUI token (JWT) the function minted for this call.</source>
        <translation>Das UUI-Token (JWT), das die Funktion für diesen Anruf erzeugt hat.</translation>
    </message>
    <message>
        <source>The 18-character VoiceCall id returned by the Call Data Action.</source>
        <translation>Die 18-stellige VoiceCall-ID, die die Call Data Action zurückgibt.</translation>
    </message>
    <message>
        <source>Jump to Failure handling</source>
        <translation>Sprung zu Fehlschlagbehandlung</translation>
    </message>
    <message>
        <source>Failure handling</source>
        <translation>Fehlschlagbehandlung</translation>
    </message>
    <message>
        <source>The flow has no tasks. Start from the sip-transfer template.</source>
        <translation>Der Flow hat keine Tasks. Beginnen Sie mit der Vorlage sip-transfer.</translation>
    </message>
    <message>
        <source>Task %1 needs an id without spaces and without [ ] # ~ / (Archy writes it as the task&apos;s refId). Rename it.</source>
        <translation>Task %1 braucht eine ID ohne Leerzeichen und ohne [ ] # ~ / (Archy schreibt sie als refId des Tasks). Benennen Sie ihn um.</translation>
    </message>
    <message>
        <source>Two tasks have the id &apos;%1&apos;; task ids must be unique. Rename one of them.</source>
        <translation>Zwei Tasks haben die ID &apos;%1&apos;; Task-IDs müssen eindeutig sein. Benennen Sie einen davon um.</translation>
    </message>
    <message>
        <source>An action of task %1 has no id; give it a unique id.</source>
        <translation>Eine Aktion von Task %1 hat keine ID; geben Sie ihr eine eindeutige ID.</translation>
    </message>
    <message>
        <source>The flow has no starting task; set &apos;startTask&apos; to the id of a task.</source>
        <translation>Der Flow hat keinen Start-Task; setzen Sie &apos;startTask&apos; auf die ID eines Tasks.</translation>
    </message>
    <message>
        <source>The starting task &apos;%1&apos; does not exist; set &apos;startTask&apos; to the id of a task.</source>
        <translation>Der Start-Task &apos;%1&apos; existiert nicht; setzen Sie &apos;startTask&apos; auf die ID eines Tasks.</translation>
    </message>
    <message>
        <source>The starting task %1 has no actions; a call would end at once in error handling. Add actions to it.</source>
        <translation>Der Start-Task %1 hat keine Aktionen; ein Anruf würde sofort in der Fehlerbehandlung enden. Fügen Sie ihm Aktionen hinzu.</translation>
    </message>
    <message>
        <source>%1 jumps nowhere; choose the reusable task it continues in.</source>
        <translation>%1 springt nirgendwohin; wählen Sie den wiederverwendbaren Task, in dem es weitergeht.</translation>
    </message>
    <message>
        <source>%1 jumps to the task &apos;%2&apos;, which does not exist. Choose an existing task or add it.</source>
        <translation>%1 springt zum Task &apos;%2&apos;, den es nicht gibt. Wählen Sie einen vorhandenen Task oder legen Sie ihn an.</translation>
    </message>
    <message>
        <source>No call reaches the task %1: the starting task does not jump to it on any path. Add a Jump to Reusable Task or delete the task.</source>
        <translation>Kein Anruf erreicht den Task %1: Der Start-Task springt auf keinem Pfad dorthin. Fügen Sie ein Jump to Reusable Task hinzu oder löschen Sie den Task.</translation>
    </message>
    <message>
        <source>No call can reach %1, nor what follows it in its list: it comes after an action that ends the call or jumps away, or every path before it does. Move it or delete it.</source>
        <translation>Kein Anruf kann %1 erreichen, auch nicht, was in seiner Liste darauf folgt: Es steht nach einer Aktion, die den Anruf beendet oder wegspringt, oder jeder Pfad davor tut das. Verschieben oder löschen Sie es.</translation>
    </message>
    <message>
        <source>The %1 path of %2 is empty and nothing after it ends the task %3: a call that takes it falls out of the flow. Tell the caller (Play Audio), then Disconnect or transfer to a queue.</source>
        <translation>Der Pfad %1 von %2 ist leer, und nichts danach beendet den Task %3: Ein Anruf, der ihn nimmt, fällt aus dem Flow. Informieren Sie den Anrufer (Play Audio) und trennen Sie dann (Disconnect) oder übertragen Sie an eine Warteschlange.</translation>
    </message>
    <message>
        <source>%1 jumps to the task %2, which has no actions: the call falls out of the flow. Add actions to that task, ending with Disconnect.</source>
        <translation>%1 springt zum Task %2, der keine Aktionen hat: Der Anruf fällt aus dem Flow. Fügen Sie diesem Task Aktionen hinzu, zuletzt Disconnect.</translation>
    </message>
    <message>
        <source>After %1 (%2) the task %3 ends without a terminating action: the call falls out of the flow. End the task with Disconnect or Jump to Reusable Task.</source>
        <translation>Nach %1 (%2) endet der Task %3 ohne beendende Aktion: Der Anruf fällt aus dem Flow. Beenden Sie den Task mit Disconnect oder Jump to Reusable Task.</translation>
    </message>
    <message>
        <source>VoiceCall %1 created by %2; the function returns it as %3.</source>
        <translation>VoiceCall %1 von %2 angelegt; die Funktion gibt ihn als %3 zurück.</translation>
    </message>
    <message>
        <source>The function&apos;s output contract has voiceCallId, uuiToken and warning only; %1 stays NOT_SET.</source>
        <translation>Der Ausgabevertrag der Funktion enthält nur voiceCallId, uuiToken und warning; %1 bleibt NOT_SET.</translation>
    </message>
    <message>
        <source>The UUI is %1 characters (%2) and the limit is %3, so the transfer is taken to fail [assumption: Salesforce refuses a UUI over its limit, read as the trunk profile says]. See the UUI budget&apos;s ways out (fields left out, shorter values).</source>
        <translation>Die UUI hat %1 Zeichen (%2), und das Limit ist %3, daher wird angenommen, dass der Transfer fehlschlägt [Annahme: Salesforce lehnt eine UUI über ihrem Limit ab, gemessen nach der Lesart des Trunk-Profils]. Siehe die Auswege des UUI-Budgets (weggelassene Felder, kürzere Werte).</translation>
    </message>
    <message>
        <source>The UUI breaks Salesforce&apos;s rules (see the UUI problems of the Set UUI Data step), so Salesforce is taken to refuse the call [assumption: how it answers is undocumented].</source>
        <translation>Die UUI verstößt gegen die Regeln von Salesforce (siehe die UUI-Probleme des Schritts Set UUI Data), daher wird angenommen, dass Salesforce den Anruf ablehnt [Annahme: Wie es antwortet, ist nicht dokumentiert].</translation>
    </message>
    <message>
        <source>Continues in the task %1.</source>
        <translation>Weiter im Task %1.</translation>
    </message>
    <message>
        <source>The starting task has no actions, so no call can run. Add actions to it.</source>
        <translation>Der Start-Task hat keine Aktionen, daher kann kein Anruf laufen. Fügen Sie ihm Aktionen hinzu.</translation>
    </message>
    <message>
        <source>The flow has no starting task, so no call can run. Set the flow&apos;s starting task.</source>
        <translation>Der Flow hat keinen Start-Task, daher kann kein Anruf laufen. Legen Sie den Start-Task des Flows fest.</translation>
    </message>
    <message>
        <source>The call stopped at &apos;%1&apos; with an error; Architect&apos;s error handling takes it. Fix the problem above.</source>
        <translation>Der Anruf hielt bei &apos;%1&apos; mit einem Fehler an; die Fehlerbehandlung von Architect übernimmt ihn. Beheben Sie das Problem oben.</translation>
    </message>
    <message>
        <source>After &apos;%1&apos; (%2) the task &apos;%3&apos; ends without a terminating action: the call falls out of the flow and Architect&apos;s error handling takes it. End the task with Disconnect or a jump.</source>
        <translation>Nach &apos;%1&apos; (%2) endet der Task &apos;%3&apos; ohne beendende Aktion: Der Anruf fällt aus dem Flow, und die Fehlerbehandlung von Architect übernimmt ihn. Beenden Sie den Task mit Disconnect oder einem Sprung.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; continues in a task that does not exist: Architect&apos;s error handling takes the call. Choose an existing task.</source>
        <translation>&apos;%1&apos; geht in einem Task weiter, den es nicht gibt: Die Fehlerbehandlung von Architect übernimmt den Anruf. Wählen Sie einen vorhandenen Task.</translation>
    </message>
    <message>
        <source>There is no variable %1 in the flow (built-in Call variables cannot be changed).</source>
        <translation>Im Flow gibt es keine Variable %1 (eingebaute Call-Variablen können nicht geändert werden).</translation>
    </message>
    <message>
        <source>The initial value of %1 is a %2, not a %3 as the variable is.</source>
        <translation>Der Anfangswert von %1 ist ein %2, nicht ein %3 wie die Variable.</translation>
    </message>
    <message>
        <source>The function could not sign the UUI token: %1 The function fails, so the data action takes its failure path.</source>
        <translation>Die Funktion konnte das UUI-Token nicht signieren: %1 Die Funktion schlägt fehl, daher nimmt die Datenaktion ihren Fehlerpfad.</translation>
    </message>
    <message>
        <source>The reused UUI token for %1 could not be signed: %2</source>
        <translation>Das wiederverwendete UUI-Token für %1 konnte nicht signiert werden: %2</translation>
    </message>
    <message>
        <source>The far end accepted the INVITE (%1): the Agentforce Voice agent takes the call.</source>
        <translation>Die Gegenstelle hat das INVITE angenommen (%1): Der Agentforce-Voice-Agent übernimmt den Anruf.</translation>
    </message>
    <message>
        <source>The far end accepted the INVITE (%1), although the simulator expected the transfer to fail (%2, %3). Its assumption does not hold for this peer; the call counts as transferred.</source>
        <translation>Die Gegenstelle hat das INVITE angenommen (%1), obwohl der Simulator ein Scheitern der Weiterleitung erwartet hat (%2, %3). Seine Annahme trifft für diese Gegenstelle nicht zu; der Anruf gilt als weitergeleitet.</translation>
    </message>
    <message>
        <source>The INVITE got no final answer: %1.</source>
        <translation>Das INVITE hat keine endgültige Antwort erhalten: %1.</translation>
    </message>
    <message>
        <source>The far end refused the INVITE: %1.</source>
        <translation>Die Gegenstelle hat das INVITE abgelehnt: %1.</translation>
    </message>
    <message>
        <source>The far end refused the INVITE: %1 (%2).</source>
        <translation>Die Gegenstelle hat das INVITE abgelehnt: %1 (%2).</translation>
    </message>
</context>
<context>
    <name>handoff::flow::FlowMinimap</name>
    <message>
        <source>Overview of the flow</source>
        <translation>Übersicht des Flows</translation>
    </message>
    <message>
        <source>Overview: click or drag to move the canvas.</source>
        <translation>Übersicht: Klicken oder ziehen, um die Arbeitsfläche zu verschieben.</translation>
    </message>
</context>
<context>
    <name>handoff::flow::FlowPage</name>
    <message>
        <source>The clipboard holds no flow action (copy one on the Flow page first); nothing was pasted.</source>
        <translation>Die Zwischenablage enthält keine Flow-Aktion (kopieren Sie zuerst eine auf der Seite Flow); nichts wurde eingefügt.</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Add &amp;task</source>
        <translation>&amp;Task hinzufügen</translation>
    </message>
    <message>
        <source>Adds a reusable task (the starting task when the flow has none).</source>
        <translation>Fügt einen wiederverwendbaren Task hinzu (den Start-Task, wenn der Flow keinen hat).</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the flow in the view (Ctrl+0)</source>
        <translation>Den Flow in die Ansicht einpassen (Strg+0)</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Initial value</source>
        <translation>Anfangswert</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Flow variables</source>
        <translation>Flow-Variablen</translation>
    </message>
    <message>
        <source>Change variable %1</source>
        <translation>Variable %1 ändern</translation>
    </message>
    <message>
        <source>Rename variable %1</source>
        <translation>Variable %1 umbenennen</translation>
    </message>
    <message>
        <source>Add variable</source>
        <translation>Variable hinzufügen</translation>
    </message>
    <message>
        <source>Remove variable</source>
        <translation>Variable entfernen</translation>
    </message>
    <message>
        <source>Remove variable %1</source>
        <translation>Variable %1 entfernen</translation>
    </message>
    <message>
        <source>&amp;Variables</source>
        <translation>&amp;Variablen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben verschieben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten verschieben</translation>
    </message>
    <message>
        <source>Collapse or expand</source>
        <translation>Ein- oder ausklappen</translation>
    </message>
    <message>
        <source>Insert from the toolbox</source>
        <translation>Aus der Toolbox einfügen</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit the flow in the view</source>
        <translation>Den Flow in die Ansicht einpassen</translation>
    </message>
    <message>
        <source>Go to the canvas</source>
        <translation>Zur Arbeitsfläche</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>%1 einfügen</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Remove task %1</source>
        <translation>Task %1 entfernen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Select an action to copy.</source>
        <translation>Wählen Sie eine Aktion zum Kopieren aus.</translation>
    </message>
    <message>
        <source>Paste %1</source>
        <translation>%1 einfügen</translation>
    </message>
    <message>
        <source>Select an action to duplicate.</source>
        <translation>Wählen Sie eine Aktion zum Duplizieren aus.</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>%1 duplizieren</translation>
    </message>
    <message>
        <source>Starting task</source>
        <translation>Start-Task</translation>
    </message>
    <message>
        <source>Reusable task %1</source>
        <translation>Wiederverwendbarer Task %1</translation>
    </message>
    <message>
        <source>Add starting task</source>
        <translation>Start-Task hinzufügen</translation>
    </message>
    <message>
        <source>Add task %1</source>
        <translation>Task %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add variable %1</source>
        <translation>Variable %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit a name to rename the variable everywhere it is used; pick another type, and edit the initial value and the description in place.</source>
        <translation>Einen Namen bearbeiten, um die Variable überall umzubenennen, wo sie verwendet wird; einen anderen Typ wählen, und den Anfangswert und die Beschreibung direkt bearbeiten.</translation>
    </message>
    <message>
        <source>The initial value &quot;%1&quot; of %2 is not a %3: change or clear it first, then the type.</source>
        <translation>Der Anfangswert &quot;%1&quot; von %2 ist kein %3: Ändern oder leeren Sie ihn zuerst, dann den Typ.</translation>
    </message>
    <message>
        <source>Change the type of %1</source>
        <translation>Typ von %1 ändern</translation>
    </message>
</context>
<context>
    <name>handoff::flow::FlowProperties</name>
    <message>
        <source>Transcription on</source>
        <translation>Transkription an</translation>
    </message>
    <message>
        <source>Audio (text to speech)</source>
        <translation>Audio (Text-to-Speech)</translation>
    </message>
    <message>
        <source>Audio prompt</source>
        <translation>Audio-Prompt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Data action</source>
        <translation>Datenaktion</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Success outputs</source>
        <translation>Ausgaben bei Erfolg</translation>
    </message>
    <message>
        <source>Timeout (seconds)</source>
        <translation>Timeout (Sekunden)</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Zuweisungen</translation>
    </message>
    <message>
        <source>Data sent on</source>
        <translation>Daten gesendet bei</translation>
    </message>
    <message>
        <source>UUI from</source>
        <translation>UUI aus</translation>
    </message>
    <message>
        <source>UUI expression</source>
        <translation>UUI-Ausdruck</translation>
    </message>
    <message>
        <source>Token variable</source>
        <translation>Token-Variable</translation>
    </message>
    <message>
        <source>VoiceCall id variable</source>
        <translation>Variable der VoiceCall-ID</translation>
    </message>
    <message>
        <source>User-to-User</source>
        <translation>User-to-User</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Release link transfer</source>
        <translation>Release Link Transfer</translation>
    </message>
    <message>
        <source>Connect timeout (seconds)</source>
        <translation>Verbindungs-Timeout (Sekunden)</translation>
    </message>
    <message>
        <source>Pre-transfer audio</source>
        <translation>Audio vor dem Transfer</translation>
    </message>
    <message>
        <source>Pre-transfer prompt</source>
        <translation>Prompt vor dem Transfer</translation>
    </message>
    <message>
        <source>Failed transfer audio</source>
        <translation>Audio bei fehlgeschlagenem Transfer</translation>
    </message>
    <message>
        <source>Failed transfer prompt</source>
        <translation>Prompt bei fehlgeschlagenem Transfer</translation>
    </message>
    <message>
        <source>errorType to variable</source>
        <translation>errorType in Variable</translation>
    </message>
    <message>
        <source>errorMessage to variable</source>
        <translation>errorMessage in Variable</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Flow type</source>
        <translation>Flow-Typ</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Invocation data</source>
        <translation>Aufrufdaten</translation>
    </message>
    <message>
        <source>Reusable task</source>
        <translation>Wiederverwendbarer Task</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>The project&apos;s UUI template</source>
        <translation>Die UUI-Vorlage des Projekts</translation>
    </message>
    <message>
        <source>An expression</source>
        <translation>Ein Ausdruck</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Inbound call flow</source>
        <translation>Inbound-Call-Flow</translation>
    </message>
    <message>
        <source>Voice survey flow</source>
        <translation>Voice-Survey-Flow</translation>
    </message>
    <message>
        <source>%1 at column %2: %3</source>
        <translation>%1 in Spalte %2: %3</translation>
    </message>
    <message>
        <source>%1 properties</source>
        <translation>Eigenschaften: %1</translation>
    </message>
    <message>
        <source>Task properties</source>
        <translation>Task-Eigenschaften</translation>
    </message>
    <message>
        <source>Output %1 of %2</source>
        <translation>Ausgang %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) on this path. Insert from the toolbox to add one at its end; when the path ends without a Disconnect or a jump, the call continues after %1.</source>
        <translation>
            <numerusform>%n Aktion auf diesem Pfad. Fügen Sie aus der Toolbox eine an seinem Ende hinzu; endet der Pfad ohne Disconnect oder Sprung, geht der Anruf nach %1 weiter.</numerusform>
            <numerusform>%n Aktionen auf diesem Pfad. Fügen Sie aus der Toolbox eine an seinem Ende hinzu; endet der Pfad ohne Disconnect oder Sprung, geht der Anruf nach %1 weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Select an action on the canvas to see its configuration here.</source>
        <translation>Wählen Sie eine Aktion auf der Arbeitsfläche aus, um hier ihre Konfiguration zu sehen.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Unique in the flow; letters, digits, - and _. Press Enter to rename.</source>
        <translation>Eindeutig im Flow; Buchstaben, Ziffern, - und _. Drücken Sie Enter zum Umbenennen.</translation>
    </message>
    <message>
        <source>Rename action %1</source>
        <translation>Aktion %1 umbenennen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>Kept as imported</source>
        <translation>Wie importiert beibehalten</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>%1 von %2 ändern</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (no such task)</source>
        <translation>%1 (Task existiert nicht)</translation>
    </message>
    <message>
        <source>Unique among the tasks; none of [ ] # ~ /. Press Enter to rename; jumps follow.</source>
        <translation>Eindeutig unter den Tasks; keines von [ ] # ~ /. Drücken Sie Enter zum Umbenennen; Sprünge folgen.</translation>
    </message>
    <message>
        <source>Rename task %1</source>
        <translation>Task %1 umbenennen</translation>
    </message>
    <message>
        <source>Make starting task</source>
        <translation>Zum Start-Task machen</translation>
    </message>
    <message>
        <source>Make %1 the starting task</source>
        <translation>%1 zum Start-Task machen</translation>
    </message>
    <message>
        <source>This is the starting task: every call begins here.</source>
        <translation>Dies ist der Start-Task: Jeder Anruf beginnt hier.</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Task entfernen</translation>
    </message>
    <message>
        <source>Remove task %1</source>
        <translation>Task %1 entfernen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>handoff::flow::FlowScene</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 (%2), id %3</source>
        <translation>%1 (%2), ID %3</translation>
    </message>
    <message>
        <source>%1 (error)</source>
        <translation>%1 (Fehler)</translation>
    </message>
    <message>
        <source>%1 (warning)</source>
        <translation>%1 (Warnung)</translation>
    </message>
    <message>
        <source>Unavailable: no call reaches it  ·  %1</source>
        <translation>Nicht verfügbar: kein Anruf erreicht sie  ·  %1</translation>
    </message>
    <message numerus="yes">
        <source>+%n hidden</source>
        <translation>
            <numerusform>+%n verborgen</numerusform>
            <numerusform>+%n verborgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n action(s) hidden)</source>
        <translation>
            <numerusform>(%n Aktion verborgen)</numerusform>
            <numerusform>(%n Aktionen verborgen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n action(s))</source>
        <translation>
            <numerusform>(%n Aktion)</numerusform>
            <numerusform>(%n Aktionen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting task  ·  %1</source>
        <translation>Start-Task  ·  %1</translation>
    </message>
    <message>
        <source>Reusable task  ·  %1</source>
        <translation>Wiederverwendbarer Task  ·  %1</translation>
    </message>
</context>
<context>
    <name>handoff::flow::FlowToolbox</name>
    <message>
        <source>&amp;Toolbox</source>
        <translation>&amp;Toolbox</translation>
    </message>
    <message>
        <source>Search actions</source>
        <translation>Aktionen suchen</translation>
    </message>
    <message>
        <source>Search the toolbox</source>
        <translation>Die Toolbox durchsuchen</translation>
    </message>
    <message>
        <source>Toolbox</source>
        <translation>Toolbox</translation>
    </message>
    <message>
        <source>Drag an action onto a connector of the canvas, or press Enter to insert it after the selected action.</source>
        <translation>Ziehen Sie eine Aktion auf einen Verbinder der Arbeitsfläche oder drücken Sie Enter, um sie nach der ausgewählten Aktion einzufügen.</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Logical</source>
        <translation>Logik</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
</context>
<context>
    <name>handoff::flow::FlowView</name>
    <message>
        <source>Flow canvas</source>
        <translation>Flow-Arbeitsfläche</translation>
    </message>
    <message>
        <source>Arrow keys move the selection along the flow; Enter edits; Delete deletes.</source>
        <translation>Pfeiltasten bewegen die Auswahl entlang des Flows; Enter bearbeitet; Entf löscht.</translation>
    </message>
</context>
<context>
    <name>handoff::flow::SimulationPanel</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>Schritt vor</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Schritt zurück</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>Anr&amp;uf</translation>
    </message>
    <message>
        <source>Outcome &amp;matrix</source>
        <translation>Ergebnis&amp;matrix</translation>
    </message>
    <message>
        <source>Time &amp;window</source>
        <translation>&amp;Zeitfenster</translation>
    </message>
    <message>
        <source>A scenario of the project, or an ad-hoc call: changing a field below makes the call ad hoc.</source>
        <translation>Ein Szenario des Projekts oder ein freier Anruf: Wer ein Feld darunter ändert, macht daraus einen freien Anruf.</translation>
    </message>
    <message>
        <source>&amp;Scenario:</source>
        <translation>&amp;Szenario:</translation>
    </message>
    <message>
        <source>Call.Ani: the caller&apos;s address as Genesys delivers it, e.g. tel:+14155550100.</source>
        <translation>Call.Ani: die Adresse des Anrufers, wie Genesys sie liefert, z. B. tel:+14155550100.</translation>
    </message>
    <message>
        <source>Caller (&amp;ANI):</source>
        <translation>Anrufer (&amp;ANI):</translation>
    </message>
    <message>
        <source>Call.CalledAddressOriginal: the number the caller dialled.</source>
        <translation>Call.CalledAddressOriginal: die Nummer, die der Anrufer gewählt hat.</translation>
    </message>
    <message>
        <source>&amp;Dialled number:</source>
        <translation>&amp;Gewählte Nummer:</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>How the Call Data Action that creates the VoiceCall answers.</source>
        <translation>Wie die Call Data Action antwortet, die den VoiceCall anlegt.</translation>
    </message>
    <message>
        <source>Data acti&amp;on:</source>
        <translation>&amp;Datenaktion:</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Whether the far end accepts the Transfer to Number.</source>
        <translation>Ob die Gegenseite den Transfer to Number annimmt.</translation>
    </message>
    <message>
        <source>&amp;Transfer:</source>
        <translation>&amp;Transfer:</translation>
    </message>
    <message>
        <source>Start &amp;now</source>
        <translation>&amp;Jetzt starten</translation>
    </message>
    <message>
        <source>Start the call at the clock&apos;s current time; clear it to pick a start time (UTC).</source>
        <translation>Den Anruf zur aktuellen Zeit der Uhr starten; abwählen, um eine Startzeit (UTC) zu wählen.</translation>
    </message>
    <message>
        <source>The call&apos;s start time in UTC.</source>
        <translation>Die Startzeit des Anrufs in UTC.</translation>
    </message>
    <message>
        <source>&amp;Run call</source>
        <translation>Anruf simu&amp;lieren</translation>
    </message>
    <message>
        <source>Run the call through the flow (F5).</source>
        <translation>Den Anruf durch den Flow laufen lassen (F5).</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>Schritt zu&amp;rück</translation>
    </message>
    <message>
        <source>Go to the previous action of the call (Shift+F10).</source>
        <translation>Zur vorigen Aktion des Anrufs (Umschalt+F10).</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>Schritt &amp;vor</translation>
    </message>
    <message>
        <source>Go to the next action of the call (F10).</source>
        <translation>Zur nächsten Aktion des Anrufs (F10).</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Aktueller Schritt</translation>
    </message>
    <message>
        <source>The call met no problems.</source>
        <translation>Der Anruf traf auf keine Probleme.</translation>
    </message>
    <message>
        <source>Problems of the call</source>
        <translation>Probleme des Anrufs</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Variable watch</source>
        <translation>Variablenüberwachung</translation>
    </message>
    <message>
        <source>&amp;Variables at the current step:</source>
        <translation>Variablen beim aktuellen Sc&amp;hritt:</translation>
    </message>
    <message>
        <source>SIP INVITE</source>
        <translation>SIP-INVITE</translation>
    </message>
    <message>
        <source>SIP &amp;INVITE and its UUI:</source>
        <translation>SIP-&amp;INVITE und seine UUI:</translation>
    </message>
    <message>
        <source>&amp;Run matrix</source>
        <translation>Matrix &amp;berechnen</translation>
    </message>
    <message>
        <source>Data action</source>
        <translation>Datenaktion</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Bei</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Outcome matrix</source>
        <translation>Ergebnismatrix</translation>
    </message>
    <message>
        <source>Path of this row: %1</source>
        <translation>Pfad dieser Zeile: %1</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Stunden:</translation>
    </message>
    <message>
        <source>Start n&amp;ow</source>
        <translation>Jetzt be&amp;ginnen</translation>
    </message>
    <message>
        <source>Minted once and reused</source>
        <translation>Einmal ausgestellt und wiederverwendet</translation>
    </message>
    <message>
        <source>Minted for every call</source>
        <translation>Für jeden Anruf neu ausgestellt</translation>
    </message>
    <message>
        <source>How a token the flow takes from the project reaches it: pasted once and reused until it expires, or minted fresh per call.</source>
        <translation>Wie ein Token, das der Flow aus dem Projekt nimmt, dorthin gelangt: einmal eingefügt und bis zum Ablauf wiederverwendet, oder für jeden Anruf neu ausgestellt.</translation>
    </message>
    <message>
        <source>UUI &amp;token:</source>
        <translation>UUI-&amp;Token:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Mint the reused token again this often.</source>
        <translation>Das wiederverwendete Token in diesem Abstand neu ausstellen.</translation>
    </message>
    <message>
        <source>Mint a&amp;gain every:</source>
        <translation>Neu ausstellen &amp;alle:</translation>
    </message>
    <message>
        <source>&amp;Run window</source>
        <translation>Fenster &amp;berechnen</translation>
    </message>
    <message>
        <source>Spread scripted calls over the hours and chart when transfers start failing (F5).</source>
        <translation>Vorgegebene Anrufe über die Stunden verteilen und zeigen, ab wann Transfers fehlschlagen (F5).</translation>
    </message>
    <message>
        <source>Ad-hoc call</source>
        <translation>Freier Anruf</translation>
    </message>
    <message>
        <source>The project has no flow yet: build one on the Flow page, then run the call.</source>
        <translation>Das Projekt hat noch keinen Flow: Bauen Sie einen auf der Seite „Flow“ und simulieren Sie dann den Anruf.</translation>
    </message>
    <message>
        <source>The project has no flow yet: build one on the Flow page, then run the matrix.</source>
        <translation>Das Projekt hat noch keinen Flow: Bauen Sie einen auf der Seite „Flow“ und berechnen Sie dann die Matrix.</translation>
    </message>
    <message>
        <source>The project has no flow yet: build one on the Flow page, then run the window.</source>
        <translation>Das Projekt hat noch keinen Flow: Bauen Sie einen auf der Seite „Flow“ und berechnen Sie dann das Zeitfenster.</translation>
    </message>
    <message>
        <source>The call ran no action.</source>
        <translation>Der Anruf hat keine Aktion ausgeführt.</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Before the first action (%1 actions in the trace).</source>
        <translation>Vor der ersten Aktion (%1 Aktionen im Ablauf).</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>(ends)</source>
        <translation>(endet)</translation>
    </message>
    <message>
        <source>Pick a scenario or describe a call above, then run it (F5).</source>
        <translation>Wählen Sie oben ein Szenario oder beschreiben Sie einen Anruf, und simulieren Sie ihn dann (F5).</translation>
    </message>
    <message>
        <source>Call %1 from %2 to %3 at %4</source>
        <translation>Anruf %1 von %2 an %3 um %4</translation>
    </message>
    <message>
        <source>Before the first action. Step forward (F10) to follow the call.</source>
        <translation>Vor der ersten Aktion. Mit „Schritt vor“ (F10) folgen Sie dem Anruf.</translation>
    </message>
    <message>
        <source>%1. %2 [%3]</source>
        <translation>%1. %2 [%3]</translation>
    </message>
    <message>
        <source>   name: %1</source>
        <translation>   Name: %1</translation>
    </message>
    <message>
        <source>   in  %1 = %2</source>
        <translation>   ein %1 = %2</translation>
    </message>
    <message>
        <source>   out %1 = %2</source>
        <translation>   aus %1 = %2</translation>
    </message>
    <message>
        <source>   set %1: %2 -&gt; %3</source>
        <translation>   setzt %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>   UUI %1</source>
        <translation>   UUI %1</translation>
    </message>
    <message>
        <source>   budget: %1 of %2 characters (%3), %4</source>
        <translation>   Budget: %1 von %2 Zeichen (%3), %4</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>passt</translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation>%1 zu viel</translation>
    </message>
    <message>
        <source>End: %1 at %2 after %3 actions.</source>
        <translation>Ende: %1 bei %2 nach %3 Aktionen.</translation>
    </message>
    <message>
        <source>When the Agentforce agent hangs up: the %1 goes to %2 &quot;%3&quot;, invocation data %4.</source>
        <translation>Wenn der Agentforce-Agent auflegt: Der %1 geht zu %2 „%3“, Aufrufdaten %4.</translation>
    </message>
    <message>
        <source>caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>(the project&apos;s UUI token, supplied at the call&apos;s start)</source>
        <translation>(das UUI-Token des Projekts, zu Beginn des Anrufs gesetzt)</translation>
    </message>
    <message>
        <source> (changed)</source>
        <translation> (geändert)</translation>
    </message>
    <message>
        <source>This call sent no SIP INVITE: it ended (%1) at %2 before any Transfer to Number.</source>
        <translation>Dieser Anruf hat kein SIP-INVITE gesendet: Er endete (%1) bei %2 vor jedem Transfer to Number.</translation>
    </message>
    <message>
        <source>Not sent yet at the current step: the call sends it at step %1 (%2).</source>
        <translation>Beim aktuellen Schritt noch nicht gesendet: Der Anruf sendet es bei Schritt %1 (%2).</translation>
    </message>
    <message>
        <source>Sent at step %1 (%2), as the trunk writes it (the SDP body left out):</source>
        <translation>Gesendet bei Schritt %1 (%2), wie der Trunk es schreibt (ohne SDP-Body):</translation>
    </message>
    <message>
        <source>The INVITE carries no User-to-User header: Salesforce cannot authenticate the call.</source>
        <translation>Das INVITE trägt keinen User-to-User-Header: Salesforce kann den Anruf nicht authentifizieren.</translation>
    </message>
    <message>
        <source>%1 read back (%2): %3 bytes of UUI, %4 of %5 characters counted (%6).</source>
        <translation>%1 zurückgelesen (%2): %3 Bytes UUI, %4 von %5 Zeichen gezählt (%6).</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>passt nicht</translation>
    </message>
    <message>
        <source>%1 cannot be read back: %2 %3</source>
        <translation>%1 lässt sich nicht zurücklesen: %2 %3</translation>
    </message>
    <message>
        <source>The INVITE:</source>
        <translation>Das INVITE:</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <source>BAD: %1</source>
        <translation>SCHLECHT: %1</translation>
    </message>
    <message>
        <source>Every combination ends as it should (%1 calls).</source>
        <translation>Jede Kombination endet wie vorgesehen (%1 Anrufe).</translation>
    </message>
    <message>
        <source>%1 of %2 combinations end badly.</source>
        <translation>%1 von %2 Kombinationen enden schlecht.</translation>
    </message>
    <message>
        <source>Select a row to see its path.</source>
        <translation>Wählen Sie eine Zeile, um ihren Pfad zu sehen.</translation>
    </message>
    <message>
        <source>The project changed after this run: run again (F5) to see the current flow.</source>
        <translation>Das Projekt hat sich seit diesem Lauf geändert: Erneut ausführen (F5), um den aktuellen Flow zu sehen.</translation>
    </message>
    <message>
        <source>The call reached the Agentforce Voice agent (transfer at %1).</source>
        <translation>Der Anruf hat den Agentforce-Voice-Agenten erreicht (Transfer bei %1).</translation>
    </message>
    <message>
        <source>The flow disconnected the call at %1.</source>
        <translation>Der Flow hat den Anruf bei %1 beendet.</translation>
    </message>
    <message>
        <source>The flow could not go on at %1: Architect&apos;s error handling takes the call.</source>
        <translation>Der Flow konnte bei %1 nicht weiter: Die Fehlerbehandlung von Architect übernimmt den Anruf.</translation>
    </message>
    <message>
        <source>The call ran into the limit of %1 actions.</source>
        <translation>Der Anruf ist an die Grenze von %1 Aktionen gestoßen.</translation>
    </message>
    <message>
        <source>The matrix found no problem.</source>
        <translation>Die Matrix hat kein Problem gefunden.</translation>
    </message>
    <message>
        <source>The matrix found problems: see the verdicts.</source>
        <translation>Die Matrix hat Probleme gefunden: siehe die Urteile.</translation>
    </message>
    <message>
        <source>Every call of the window reached the agent.</source>
        <translation>Jeder Anruf des Zeitfensters hat den Agenten erreicht.</translation>
    </message>
    <message>
        <source>Transfers fail within the window: see the chart.</source>
        <translation>Im Zeitfenster schlagen Transfers fehl: siehe das Diagramm.</translation>
    </message>
    <message>
        <source>Minted at the window&apos;s &amp;start</source>
        <translation>Zu Beginn des Fe&amp;nsters ausgestellt</translation>
    </message>
    <message>
        <source>Calls &amp;per hour:</source>
        <translation>Anrufe &amp;pro Stunde:</translation>
    </message>
    <message>
        <source>%1 calls are more than the view runs at once (%2): choose fewer hours or calls per hour, or run `handoff flow window` on the command line.</source>
        <translation>%1 Anrufe sind mehr, als die Ansicht auf einmal berechnet (%2): Wählen Sie weniger Stunden oder Anrufe pro Stunde, oder rufen Sie `handoff flow window` auf der Kommandozeile auf.</translation>
    </message>
    <message>
        <source>An ad-hoc call: the fields above as they are now.</source>
        <translation>Ein freier Anruf: die Felder oben, wie sie jetzt sind.</translation>
    </message>
    <message>
        <source>Run one call for every data-action outcome and transfer outcome (F5). The calls start at the Call tab&apos;s start time. Enter on a row runs its call on the Call tab, to step through it.</source>
        <translation>Je einen Anruf für jedes Ergebnis der Datenaktion und des Transfers (F5). Die Anrufe starten zur Startzeit des Reiters „Anruf“. Die Eingabetaste auf einer Zeile simuliert ihren Anruf im Reiter „Anruf“, um ihn schrittweise zu verfolgen.</translation>
    </message>
    <message>
        <source>Tok&amp;en minted at the call&apos;s start</source>
        <translation>Tok&amp;en zu Beginn des Anrufs ausgestellt</translation>
    </message>
    <message>
        <source>For a flow that reuses a pasted UUI token (supplied by the project): when it was minted. Clear it to pick the time (UTC), e.g. yesterday morning.</source>
        <translation>Für einen Flow, der ein eingefügtes UUI-Token wiederverwendet (vom Projekt geliefert): wann es ausgestellt wurde. Abwählen, um die Zeit (UTC) zu wählen, z. B. gestern früh.</translation>
    </message>
    <message>
        <source>Re&amp;hearse on this computer</source>
        <translation>Auf diesem Rechner &amp;proben</translation>
    </message>
    <message>
        <source>The rehearsal could not start: %1 (%2)</source>
        <translation>Die Probe konnte nicht beginnen: %1 (%2)</translation>
    </message>
    <message>
        <source>voiceCalls emulator at %1, SIP stand-in at %2</source>
        <translation>voiceCalls-Emulator unter %1, SIP-Stellvertreter unter %2</translation>
    </message>
    <message>
        <source>The rehearsal signs the API and UUI tokens with the project&apos;s private key: load it on Org &amp; credentials first.</source>
        <translation>Die Probe signiert die API- und UUI-Token mit dem privaten Schlüssel des Projekts: Laden Sie ihn zuerst unter Org und Zugangsdaten.</translation>
    </message>
    <message>
        <source>Run the call against the built-in voiceCalls emulator and send the INVITE over real SIP to its Agentforce Voice stand-in on 127.0.0.1 (as &apos;handoff flow simulate --live-emulator&apos;): the trace shows what the stand-in answered and why. The scripted data action and transfer answers do not apply.</source>
        <translation>Den Anruf gegen den eingebauten voiceCalls-Emulator laufen lassen und das INVITE über echtes SIP an dessen Agentforce-Voice-Stellvertreter auf 127.0.0.1 senden (wie &apos;handoff flow simulate --live-emulator&apos;): Der Ablauf zeigt, was der Stellvertreter geantwortet hat und warum. Die vorgegebenen Antworten für Datenaktion und Transfer gelten dabei nicht.</translation>
    </message>
    <message>
        <source>   Far end over SIP: %1 %2</source>
        <translation>   Gegenseite über SIP: %1 %2</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Sent at step %1 (%2) over SIP to the stand-in; the bytes that went out are below the UUI:</source>
        <translation>In Schritt %1 (%2) über SIP an den Stellvertreter gesendet; die gesendeten Bytes stehen unter der UUI:</translation>
    </message>
    <message>
        <source>The INVITE as sent over SIP (%1 bytes):</source>
        <translation>Das INVITE, wie es über SIP gesendet wurde (%1 Bytes):</translation>
    </message>
    <message>
        <source>The stand-in&apos;s final response:</source>
        <translation>Die endgültige Antwort des Stellvertreters:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Rehearsed on this computer: %1.</source>
        <translation>Auf diesem Rechner geprobt: %1.</translation>
    </message>
</context>
<context>
    <name>handoff::flow::TokenWindowChart</name>
    <message>
        <source>Run the time window to see when the UUI token stops carrying calls.</source>
        <translation>Berechnen Sie das Zeitfenster, um zu sehen, ab wann das UUI-Token keine Anrufe mehr trägt.</translation>
    </message>
    <message>
        <source>Calls per hour and the UUI token&apos;s remaining validity</source>
        <translation>Anrufe pro Stunde und die restliche Gültigkeit des UUI-Tokens</translation>
    </message>
    <message>
        <source>Reached the agent</source>
        <translation>Agent erreicht</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Token valid for (hours)</source>
        <translation>Token noch gültig (Stunden)</translation>
    </message>
    <message>
        <source>Hours from %1 (UTC)</source>
        <translation>Stunden ab %1 (UTC)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Token hours left</source>
        <translation>Restliche Token-Stunden</translation>
    </message>
    <message>
        <source>%1 of %2 calls reached the agent. Transfers start failing at hour %3 (%4 UTC), first reason %5.</source>
        <translation>%1 von %2 Anrufen haben den Agenten erreicht. Ab Stunde %3 (%4 UTC) schlagen Transfers fehl, erster Grund %5.</translation>
    </message>
    <message>
        <source>All %1 calls over %2 hours reached the agent.</source>
        <translation>Alle %1 Anrufe über %2 Stunden haben den Agenten erreicht.</translation>
    </message>
</context>
<context>
    <name>handoff::io</name>
    <message>
        <source>No file name was given.</source>
        <translation>Es wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name or remove it first.</source>
        <translation>%1 existiert bereits; wählen Sie einen anderen Namen oder entfernen Sie die Datei zuerst.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot set the permissions of %1: %2.</source>
        <translation>Die Berechtigungen von %1 können nicht gesetzt werden: %2.</translation>
    </message>
    <message>
        <source>Writing %1 failed (%2); the previous file, if any, is unchanged.</source>
        <translation>Das Schreiben von %1 ist fehlgeschlagen (%2); eine vorhandene frühere Datei ist unverändert.</translation>
    </message>
    <message>
        <source>Saving %1 failed (%2); the previous file, if any, is unchanged.</source>
        <translation>Das Speichern von %1 ist fehlgeschlagen (%2); eine vorhandene frühere Datei ist unverändert.</translation>
    </message>
</context>
<context>
    <name>handoff::jwt</name>
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
        <source>The %1 claim must be a whole number of seconds since 1970-01-01 UTC (a JSON number, not a string or a date).</source>
        <translation>Der Claim %1 muss eine ganze Zahl von Sekunden seit 1970-01-01 UTC sein (eine JSON-Zahl, kein String und kein Datum).</translation>
    </message>
    <message>
        <source>The token has no iat (issued-at) claim; Salesforce needs it. Add iat = the signing time in seconds since 1970.</source>
        <translation>Das Token hat keinen iat-Claim (Ausstellungszeit); Salesforce braucht ihn. Fügen Sie iat = Zeitpunkt der Signatur in Sekunden seit 1970 hinzu.</translation>
    </message>
    <message>
        <source>The token has no exp (expiry) claim; Salesforce needs it. Add exp at most 24 h after iat.</source>
        <translation>Das Token hat keinen exp-Claim (Ablauf); Salesforce braucht ihn. Fügen Sie exp höchstens 24 h nach iat hinzu.</translation>
    </message>
    <message>
        <source>exp (%1) is not after iat (%2): the token is born expired. Set exp later than iat.</source>
        <translation>exp (%1) liegt nicht nach iat (%2): Das Token ist schon bei der Ausstellung abgelaufen. Setzen Sie exp später als iat.</translation>
    </message>
    <message>
        <source>exp is %1 after iat; Salesforce allows at most 24 h. Shorten the lifetime (24 h for a reused UUI token, 5 min for an API token).</source>
        <translation>exp liegt %1 nach iat; Salesforce erlaubt höchstens 24 h. Verkürzen Sie die Lebensdauer (24 h für ein wiederverwendetes UUI-Token, 5 min für ein API-Token).</translation>
    </message>
    <message>
        <source>The token expired at %1 (%2 ago). Sign a new one; a SIP transfer with an expired token fails.</source>
        <translation>Das Token ist seit %1 abgelaufen (vor %2). Signieren Sie ein neues; ein SIP-Transfer mit einem abgelaufenen Token scheitert.</translation>
    </message>
    <message>
        <source>iat is %1 in the future (%2), more than the allowed clock skew of %3 s. Check the clock of the machine that signs the tokens.</source>
        <translation>iat liegt %1 in der Zukunft (%2), mehr als die erlaubte Uhrenabweichung von %3 s. Prüfen Sie die Uhr des Rechners, der die Tokens signiert.</translation>
    </message>
    <message>
        <source>The token has no iss claim. Set iss to the Salesforce org id (00D...) where the certificate is registered.</source>
        <translation>Das Token hat keinen iss-Claim. Setzen Sie iss auf die Salesforce-Org-ID (00D...), in der das Zertifikat registriert ist.</translation>
    </message>
    <message>
        <source>The iss claim must be a string: the org id (00D...).</source>
        <translation>Der iss-Claim muss ein String sein: die Org-ID (00D...).</translation>
    </message>
    <message>
        <source>iss &apos;%1&apos; is not a valid org id: %2</source>
        <translation>iss &apos;%1&apos; ist keine gültige Org-ID: %2</translation>
    </message>
    <message>
        <source>iss &apos;%1&apos; is not an org id (org ids start with 00D). Set iss to the org id where the certificate is registered.</source>
        <translation>iss &apos;%1&apos; ist keine Org-ID (Org-IDs beginnen mit 00D). Setzen Sie iss auf die Org-ID, in der das Zertifikat registriert ist.</translation>
    </message>
    <message>
        <source>iss &apos;%1&apos; is not this project&apos;s org id %2. Sign with the right org id, or correct the org profile.</source>
        <translation>iss &apos;%1&apos; ist nicht die Org-ID %2 dieses Projekts. Signieren Sie mit der richtigen Org-ID oder korrigieren Sie das Org-Profil.</translation>
    </message>
    <message>
        <source>The sub claim must be a string: the Call Center API name.</source>
        <translation>Der sub-Claim muss ein String sein: der Call-Center-API-Name.</translation>
    </message>
    <message>
        <source>The token has no sub claim; for Salesforce Voice with Telephony Providers it must be the Call Center API name%1.</source>
        <translation>Das Token hat keinen sub-Claim; bei Salesforce Voice with Telephony Providers muss er der Call-Center-API-Name sein%1.</translation>
    </message>
    <message>
        <source>The token has sub &apos;%1&apos;, but for this customer type (not Salesforce Voice with Telephony Providers, e.g. Open CTI) sub must be left out. Remove it.</source>
        <translation>Das Token hat sub &apos;%1&apos;, aber bei diesem Kundentyp (nicht Salesforce Voice with Telephony Providers, z. B. Open CTI) muss sub fehlen. Entfernen Sie es.</translation>
    </message>
    <message>
        <source>sub &apos;%1&apos; is not the Call Center API name %2 of the org profile (API names are case-sensitive).</source>
        <translation>sub &apos;%1&apos; ist nicht der Call-Center-API-Name %2 aus dem Org-Profil (bei API-Namen zählt die Groß-/Kleinschreibung).</translation>
    </message>
    <message>
        <source>The token has a jti but is meant to be reused across calls: Salesforce refuses a jti it has seen, so every call after the first would fail. Remove jti, or sign a fresh token per call.</source>
        <translation>Das Token hat eine jti, soll aber über mehrere Anrufe wiederverwendet werden: Salesforce lehnt eine bereits gesehene jti ab, daher würde jeder Anruf nach dem ersten fehlschlagen. Entfernen Sie jti oder signieren Sie pro Anruf ein neues Token.</translation>
    </message>
    <message>
        <source>The token has an aud claim. Older Salesforce docs required aud; current ones do not use it. It can stay, or be removed.</source>
        <translation>Das Token hat einen aud-Claim. Ältere Salesforce-Dokumentation verlangte aud; die aktuelle verwendet ihn nicht. Er kann bleiben oder entfernt werden.</translation>
    </message>
    <message>
        <source>The token says alg &quot;none&quot;: it is unsigned and Salesforce refuses it. Sign it with RS256.</source>
        <translation>Das Token gibt alg &quot;none&quot; an: Es ist unsigniert, und Salesforce lehnt es ab. Signieren Sie es mit RS256.</translation>
    </message>
    <message>
        <source>The token&apos;s alg is %1; Salesforce accepts RS256 only. Sign it with RS256 and an RSA key.</source>
        <translation>Der alg des Tokens ist %1; Salesforce akzeptiert nur RS256. Signieren Sie es mit RS256 und einem RSA-Schlüssel.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>The token&apos;s typ is &apos;%1&apos;; Salesforce documents typ &quot;JWT&quot;.</source>
        <translation>Der typ des Tokens ist &apos;%1&apos;; Salesforce dokumentiert typ &quot;JWT&quot;.</translation>
    </message>
    <message>
        <source>No key was given to sign or verify with.</source>
        <translation>Es wurde kein Schlüssel zum Signieren oder Verifizieren angegeben.</translation>
    </message>
    <message>
        <source>RS256 needs an RSA key; this key is of another type (%1). Use an RSA key pair.</source>
        <translation>RS256 braucht einen RSA-Schlüssel; dieser Schlüssel hat einen anderen Typ (%1). Verwenden Sie ein RSA-Schlüsselpaar.</translation>
    </message>
    <message>
        <source>Signing failed: %1.</source>
        <translation>Signieren fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>The token is empty. Paste the whole JWT (three parts separated by dots).</source>
        <translation>Das Token ist leer. Fügen Sie das ganze JWT ein (drei durch Punkte getrennte Teile).</translation>
    </message>
    <message>
        <source>Remove the &apos;Bearer &apos; in front: it belongs to the HTTP header, not the token.</source>
        <translation>Entfernen Sie das vorangestellte &apos;Bearer &apos;: Es gehört in den HTTP-Header, nicht zum Token.</translation>
    </message>
    <message>
        <source>The token has a space or line break at character %1; a JWT has none. Copy it again as one line (placeholder text such as [THIS IS A SAMPLE TOKEN] is not a token).</source>
        <translation>Das Token hat bei Zeichen %1 ein Leerzeichen oder einen Zeilenumbruch; ein JWT hat keine. Kopieren Sie es erneut als eine Zeile (Platzhaltertext wie [THIS IS A SAMPLE TOKEN] ist kein Token).</translation>
    </message>
    <message>
        <source>This is an encrypted token (JWE, five parts); Salesforce expects a signed JWT (three parts).</source>
        <translation>Das ist ein verschlüsseltes Token (JWE, fünf Teile); Salesforce erwartet ein signiertes JWT (drei Teile).</translation>
    </message>
    <message>
        <source>A JWT has three parts separated by dots (header.payload.signature); this has %1. Copy the whole token.</source>
        <translation>Ein JWT hat drei durch Punkte getrennte Teile (header.payload.signature); dieses hat %1. Kopieren Sie das ganze Token.</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>The token&apos;s %1 is not base64url text (only A-Z, a-z, 0-9, &apos;-&apos; and &apos;_&apos;). Copy the token again without changes.</source>
        <translation>Teil „%1“ des Tokens ist kein base64url-Text (nur A-Z, a-z, 0-9, &apos;-&apos; und &apos;_&apos;). Kopieren Sie das Token erneut ohne Änderungen.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not a JSON object. This is not a JWT.</source>
        <translation>Der Header des Tokens ist kein JSON-Objekt. Das ist kein JWT.</translation>
    </message>
    <message>
        <source>The token&apos;s payload is not a JSON object of claims: %1</source>
        <translation>Die Nutzdaten des Tokens sind kein JSON-Objekt aus Claims: %1</translation>
    </message>
    <message>
        <source>The token says alg &quot;none&quot;: it is unsigned and is refused. Sign it with RS256.</source>
        <translation>Das Token gibt alg &quot;none&quot; an: Es ist unsigniert und wird abgelehnt. Signieren Sie es mit RS256.</translation>
    </message>
    <message>
        <source>The token is signed with %1; Salesforce accepts RS256 only.</source>
        <translation>Das Token ist mit %1 signiert; Salesforce akzeptiert nur RS256.</translation>
    </message>
    <message>
        <source>no alg</source>
        <translation>kein alg</translation>
    </message>
    <message>
        <source>The signature does not match: the token was changed, or it was signed with another key than this certificate&apos;s. Check which certificate is registered in Salesforce for this key.</source>
        <translation>Die Signatur passt nicht: Das Token wurde verändert oder mit einem anderen Schlüssel signiert als dem dieses Zertifikats. Prüfen Sie, welches Zertifikat für diesen Schlüssel in Salesforce registriert ist.</translation>
    </message>
    <message>
        <source>The claims are not valid JSON (%1 at byte %2).</source>
        <translation>Die Claims sind kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>The claims are JSON but not an object ({...}).</source>
        <translation>Die Claims sind JSON, aber kein Objekt ({...}).</translation>
    </message>
    <message>
        <source>UUI token (reusable, 24 h)</source>
        <translation>UUI-Token (wiederverwendbar, 24 h)</translation>
    </message>
    <message>
        <source>API token (single use, 5 min, jti)</source>
        <translation>API-Token (einmalig, 5 min, jti)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a duration; write a number with s, m, h or d, such as 300s, 5m or 24h.</source>
        <translation>&apos;%1&apos; ist keine Dauer; schreiben Sie eine Zahl mit s, m, h oder d, etwa 300s, 5m oder 24h.</translation>
    </message>
    <message>
        <source>A duration of %1 is not positive; a token must live at least one second.</source>
        <translation>Eine Dauer von %1 ist nicht positiv; ein Token muss mindestens eine Sekunde gültig sein.</translation>
    </message>
</context>
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
    <message>
        <source>Org &amp; credentials</source>
        <translation>Org und Zugangsdaten</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>UUI header</source>
        <translation>UUI-Header</translation>
    </message>
    <message>
        <source>Nothing to export yet. %1</source>
        <translation>Noch nichts zu exportieren. %1</translation>
    </message>
    <message>
        <source>Show the problem</source>
        <translation>Problem anzeigen</translation>
    </message>
    <message>
        <source>Fix on the %1 page</source>
        <translation>Auf der Seite %1 beheben</translation>
    </message>
    <message>
        <source>No problems with the variable bindings.</source>
        <translation>Keine Probleme mit den Variablenbindungen.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Not ready to export:&lt;/b&gt; %n error(s). The first: %1</source>
        <translation>
            <numerusform>&lt;b&gt;Nicht bereit zum Export:&lt;/b&gt; %n Fehler. Der erste: %1</numerusform>
            <numerusform>&lt;b&gt;Nicht bereit zum Export:&lt;/b&gt; %n Fehler. Der erste: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Ready to export&lt;/b&gt;, with %n warning(s) to read in the Problems list.</source>
        <translation>
            <numerusform>&lt;b&gt;Bereit zum Export&lt;/b&gt;, mit %n Warnung zum Lesen in der Problemliste.</numerusform>
            <numerusform>&lt;b&gt;Bereit zum Export&lt;/b&gt;, mit %n Warnungen zum Lesen in der Problemliste.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to export:&lt;/b&gt; no errors or warnings.</source>
        <translation>&lt;b&gt;Bereit zum Export:&lt;/b&gt; keine Fehler oder Warnungen.</translation>
    </message>
</context>
<context>
    <name>handoff::pages::GenesysExportSection</name>
    <message>
        <source>Function Data Action (creates the VoiceCall, mints the UUI token)</source>
        <translation>Function Data Action (legt den VoiceCall an, erzeugt das UUI-Token)</translation>
    </message>
    <message>
        <source>Upload the zip as the function of a Genesys Function Data Action, handler %1. Put the PEM private key into the integration&apos;s credentials as privateKey; it is never a flow input.</source>
        <translation>Laden Sie die Zip-Datei als Funktion einer Genesys Function Data Action hoch, Handler %1. Legen Sie den privaten PEM-Schlüssel als privateKey in die Zugangsdaten der Integration; er ist nie eine Flow-Eingabe.</translation>
    </message>
    <message>
        <source>A Node.js runtime Genesys lists, such as nodejs20.x (the code needs Node 18 or newer).</source>
        <translation>Eine Node.js-Laufzeit, die Genesys anbietet, etwa nodejs20.x (der Code braucht Node 18 oder neuer).</translation>
    </message>
    <message>
        <source>&amp;Runtime:</source>
        <translation>&amp;Laufzeit:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The action&apos;s timeout; a 429 is retried once only when its Retry-After fits inside it.</source>
        <translation>Das Timeout der Aktion; ein 429 wird nur dann einmal wiederholt, wenn sein Retry-After hineinpasst.</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>T&amp;imeout:</translation>
    </message>
    <message>
        <source>The function package is ready.</source>
        <translation>Das Funktionspaket ist bereit.</translation>
    </message>
    <message>
        <source>Function code (src/index.js)</source>
        <translation>Funktionscode (src/index.js)</translation>
    </message>
    <message>
        <source>Copy c&amp;ode</source>
        <translation>C&amp;ode kopieren</translation>
    </message>
    <message>
        <source>Save function &amp;package (.zip)…</source>
        <translation>Funktions&amp;paket speichern (.zip)…</translation>
    </message>
    <message>
        <source>Data action contracts and request template</source>
        <translation>Datenaktionsverträge und Anfragevorlage</translation>
    </message>
    <message>
        <source>Paste these into the data action&apos;s Setup. The request template escapes every value for JSON and adds the private key from the credentials.</source>
        <translation>Fügen Sie diese im Setup der Datenaktion ein. Die Anfragevorlage maskiert jeden Wert für JSON und fügt den privaten Schlüssel aus den Zugangsdaten hinzu.</translation>
    </message>
    <message>
        <source>Input contract</source>
        <translation>Eingabevertrag</translation>
    </message>
    <message>
        <source>Output contract</source>
        <translation>Ausgabevertrag</translation>
    </message>
    <message>
        <source>Request template</source>
        <translation>Anfragevorlage</translation>
    </message>
    <message>
        <source>Configuration (request and response)</source>
        <translation>Konfiguration (Anfrage und Antwort)</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>Spei&amp;chern…</translation>
    </message>
    <message>
        <source>Edit function runtime</source>
        <translation>Laufzeit der Funktion bearbeiten</translation>
    </message>
    <message>
        <source>Edit function timeout</source>
        <translation>Timeout der Funktion bearbeiten</translation>
    </message>
    <message>
        <source>The function code was copied.</source>
        <translation>Der Funktionscode wurde kopiert.</translation>
    </message>
    <message>
        <source>%1 was copied.</source>
        <translation>%1 wurde kopiert.</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Velocity templates (*.vm);;All files (*)</source>
        <translation>Velocity-Vorlagen (*.vm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>JavaScript files (*.js);;All files (*)</source>
        <translation>JavaScript-Dateien (*.js);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
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
        <source>Function package not ready</source>
        <translation>Funktionspaket nicht bereit</translation>
    </message>
    <message>
        <source>Correct the problems listed in the Function Data Action section first.</source>
        <translation>Beheben Sie zuerst die im Abschnitt Function Data Action aufgeführten Probleme.</translation>
    </message>
    <message>
        <source>Save function package</source>
        <translation>Funktionspaket speichern</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip-Archive (*.zip)</translation>
    </message>
    <message>
        <source>Saved the function package to %1.</source>
        <translation>Das Funktionspaket wurde unter %1 gespeichert.</translation>
    </message>
    <message>
        <source>The flow as Archy YAML (for archy publish)</source>
        <translation>Der Flow als Archy-YAML (für archy publish)</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>handoff::pages::GoLivePage</name>
    <message>
        <source>Go-live checks</source>
        <translation>Go-live-Prüfungen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Press Enter or double-click a check to go to where it is fixed.</source>
        <translation>Drücken Sie die Eingabetaste oder doppelklicken Sie auf eine Prüfung, um dorthin zu gelangen, wo sie behoben wird.</translation>
    </message>
    <message>
        <source>Credential probe</source>
        <translation>Zugangsprobe</translation>
    </message>
    <message>
        <source>Sends one voiceCalls request signed with the project&apos;s key whose body leaves out the required fields, so no VoiceCall is created. It proves the API token&apos;s path only (the Authorization header), not the UUI token&apos;s path through the SIP INVITE: only a real transfer proves that.</source>
        <translation>Sendet eine voiceCalls-Anfrage, signiert mit dem Schlüssel des Projekts, deren Body die Pflichtfelder weglässt, sodass kein VoiceCall angelegt wird. Sie beweist nur den Weg des API-Tokens (den Authorization-Header), nicht den Weg des UUI-Tokens durch den SIP-INVITE: Das beweist nur eine echte Weiterleitung.</translation>
    </message>
    <message>
        <source>Probe the built-in emulator</source>
        <translation>Den eingebauten Emulator prüfen</translation>
    </message>
    <message>
        <source>Probe the org</source>
        <translation>Die Org prüfen</translation>
    </message>
    <message>
        <source>Record a real transfer</source>
        <translation>Eine echte Weiterleitung erfassen</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source>The agent answered: the transfer succeeded</source>
        <translation>Der Agent hat angenommen: Die Weiterleitung gelang</translation>
    </message>
    <message>
        <source>The transfer failed</source>
        <translation>Die Weiterleitung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Call id, who tested, what happened</source>
        <translation>Anruf-ID, wer getestet hat, was geschah</translation>
    </message>
    <message>
        <source>Record Transfer</source>
        <translation>Weiterleitung erfassen</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>UUI &amp;size:</source>
        <translation>UUI-&amp;Größe:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Export Runbook...</source>
        <translation>Runbook exportieren...</translation>
    </message>
    <message>
        <source>Save Runbook as PDF...</source>
        <translation>Runbook als PDF speichern...</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Drucken...</translation>
    </message>
    <message>
        <source>Go-live</source>
        <translation>Go-live</translation>
    </message>
    <message>
        <source>Credential Probe</source>
        <translation>Zugangsprobe</translation>
    </message>
    <message>
        <source>Load or generate a private key on the Org &amp; credentials page first: the probe signs its token with it.</source>
        <translation>Laden oder erzeugen Sie zuerst auf der Seite Org &amp; Zugangsdaten einen privaten Schlüssel: Die Probe signiert ihr Token damit.</translation>
    </message>
    <message>
        <source>built-in emulator</source>
        <translation>eingebauter Emulator</translation>
    </message>
    <message>
        <source>The SCRT2 domain is not usable, so the probe has no address: fix it on the Org &amp; credentials page.</source>
        <translation>Die SCRT2-Domain ist nicht verwendbar, daher hat die Probe keine Adresse: Korrigieren Sie sie auf der Seite Org &amp; Zugangsdaten.</translation>
    </message>
    <message>
        <source>Export Runbook</source>
        <translation>Runbook exportieren</translation>
    </message>
    <message>
        <source>HTML (*.html);;Markdown (*.md)</source>
        <translation>HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Save Runbook as PDF</source>
        <translation>Runbook als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Go-live runbook</source>
        <translation>Go-live-Runbook</translation>
    </message>
    <message>
        <source>Print Runbook</source>
        <translation>Runbook drucken</translation>
    </message>
    <message>
        <source>%1 %2: %3. %4</source>
        <translation>%1 %2: %3. %4</translation>
    </message>
    <message>
        <source>Press Enter to go to the fix.</source>
        <translation>Drücken Sie die Eingabetaste, um zur Behebung zu gelangen.</translation>
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
    <message>
        <source>For example acme_cc 00D5g000004XyZ1</source>
        <translation>Zum Beispiel acme_cc 00D5g000004XyZ1</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Envi&amp;ronment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add an environment (a sandbox, production) as a copy of this one</source>
        <translation>Eine Umgebung (Sandbox, Produktion) als Kopie dieser hinzufügen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Empty: the number in the flow&apos;s Transfer to Number</source>
        <translation>Leer: die Nummer in Transfer to Number des Flows</translation>
    </message>
    <message>
        <source>The SIP address of this environment&apos;s Agentforce Voice channel, in E.164 form (+ and digits). It replaces a transfer number written as text in the flow.</source>
        <translation>Die SIP-Adresse des Agentforce-Voice-Kanals dieser Umgebung im E.164-Format (+ und Ziffern). Sie ersetzt eine im Flow als Text geschriebene Transfernummer.</translation>
    </message>
    <message>
        <source>Agentforce channe&amp;l&apos;s SIP address:</source>
        <translation>SIP-Adresse des Agentforce-Kana&amp;ls:</translation>
    </message>
    <message>
        <source>Edit SIP address</source>
        <translation>SIP-Adresse bearbeiten</translation>
    </message>
    <message>
        <source>One environment, “%1”. Add another (a sandbox, production) to keep its org, key, trunk and SIP address apart; the help article has one Set UUI Data per environment.</source>
        <translation>Eine Umgebung, „%1“. Fügen Sie eine weitere hinzu (Sandbox, Produktion), um Org, Schlüssel, Trunk und SIP-Adresse getrennt zu halten; der Hilfeartikel sieht ein Set UUI Data pro Umgebung vor.</translation>
    </message>
    <message>
        <source>Add Environment</source>
        <translation>Umgebung hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new environment (a copy of “%1”&apos;s settings; letters, digits, - and _):</source>
        <translation>Name der neuen Umgebung (eine Kopie der Einstellungen von „%1“; Buchstaben, Ziffern, - und _):</translation>
    </message>
    <message>
        <source>Add environment %1</source>
        <translation>Umgebung %1 hinzufügen</translation>
    </message>
    <message>
        <source>Rename Environment</source>
        <translation>Umgebung umbenennen</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>Rename environment %1</source>
        <translation>Umgebung %1 umbenennen</translation>
    </message>
    <message>
        <source>Remove Environment</source>
        <translation>Umgebung entfernen</translation>
    </message>
    <message>
        <source>Remove the environment “%1” and its org, trunk and SIP address settings? Its key stays in the keychain. Undo brings the environment back.</source>
        <translation>Die Umgebung „%1“ mit ihren Einstellungen für Org, Trunk und SIP-Adresse entfernen? Ihr Schlüssel bleibt im Schlüsselbund. Rückgängig holt die Umgebung zurück.</translation>
    </message>
    <message>
        <source>Remove environment %1</source>
        <translation>Umgebung %1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>This project hands calls to %n environment(s). The org, key, trunk and SIP address below belong to “%1”; the exports, the go-live check and the runbook are for it, and the Archy export adds one Set UUI Data per environment.</source>
        <translation>
            <numerusform>Dieses Projekt übergibt Anrufe an %n Umgebung. Org, Schlüssel, Trunk und SIP-Adresse unten gehören zu „%1“; Exporte, Go-live-Prüfung und Runbook gelten für sie, und der Archy-Export fügt ein Set UUI Data pro Umgebung hinzu.</numerusform>
            <numerusform>Dieses Projekt übergibt Anrufe an %n Umgebungen. Org, Schlüssel, Trunk und SIP-Adresse unten gehören zu „%1“; Exporte, Go-live-Prüfung und Runbook gelten für sie, und der Archy-Export fügt ein Set UUI Data pro Umgebung hinzu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>handoff::pages::PastedUuiCheck</name>
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
    <message>
        <source>&amp;Use this VoiceCall id in the UUI</source>
        <translation>Diese VoiceCall-ID in der UUI &amp;verwenden</translation>
    </message>
    <message>
        <source>Puts the 18-character id into the UUI header page&apos;s callId sample.</source>
        <translation>Setzt die 18-stellige ID als callId-Beispiel auf der Seite UUI-Header ein.</translation>
    </message>
    <message>
        <source>VoiceCall id (18)</source>
        <translation>VoiceCall-ID (18)</translation>
    </message>
    <message>
        <source>Use VoiceCall id %1 as callId</source>
        <translation>VoiceCall-ID %1 als callId verwenden</translation>
    </message>
    <message>
        <source>callId is now %1 on the UUI header page.</source>
        <translation>callId ist jetzt %1 auf der Seite UUI-Header.</translation>
    </message>
    <message>
        <source>%1 (the API&apos;s 15 characters: %2)</source>
        <translation>%1 (die 15 Zeichen der API: %2)</translation>
    </message>
    <message>
        <source>Raw HTTP request and response</source>
        <translation>Rohe HTTP-Anfrage und -Antwort</translation>
    </message>
    <message>
        <source>The raw HTTP request and response appear here after a test call.</source>
        <translation>Die rohe HTTP-Anfrage und -Antwort erscheinen hier nach einem Testanruf.</translation>
    </message>
    <message>
        <source>&lt;API token, redacted&gt;</source>
        <translation>&lt;API-Token, geschwärzt&gt;</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>(no HTTP answer)</source>
        <translation>(keine HTTP-Antwort)</translation>
    </message>
    <message>
        <source>Show the API &amp;token in the raw request</source>
        <translation>API-&amp;Token in der Rohanfrage anzeigen</translation>
    </message>
    <message>
        <source>The token is a credential that is valid until it expires: show it only to paste it into a tool of your own. It is never saved or logged.</source>
        <translation>Das Token ist ein Zugangsnachweis, der bis zu seinem Ablauf gilt: Zeigen Sie es nur an, um es in ein eigenes Werkzeug einzufügen. Es wird nie gespeichert oder protokolliert.</translation>
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
        <translation>Gemessen: %1 (eine Annahme, die Sie im Trunk-Profil ändern können)</translation>
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
        <translation>Header-Zeile %1 Zeichen · Header-Wert %2 · Daten %3 Oktette (JSON %4 Bytes). Das Limit von %5 bezieht sich auf: %6.</translation>
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
    <name>handoff::project</name>
    <message>
        <source>The UUI token could not be signed: %1</source>
        <translation>Das UUI-Token konnte nicht signiert werden: %1</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>must be %1; correct or remove it.</source>
        <translation>muss %1 sein; korrigieren oder entfernen Sie den Wert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not known to this version of Handoff Studio; it is kept as it is when the project is saved.</source>
        <translation>„%1“ ist dieser Version von Handoff Studio nicht bekannt; es bleibt beim Speichern des Projekts unverändert erhalten.</translation>
    </message>
    <message>
        <source>must be &quot;scv&quot; or &quot;other&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;scv&quot; oder &quot;other&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be a positive number of seconds.</source>
        <translation>muss eine positive Anzahl Sekunden sein.</translation>
    </message>
    <message>
        <source>must be &quot;hex&quot; or &quot;ascii&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;hex&quot; oder &quot;ascii&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be &quot;prefix&quot;, &quot;param&quot; or &quot;none&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;prefix&quot;, &quot;param&quot; oder &quot;none&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be one octet in hex, such as &quot;04&quot;, not &quot;%1&quot;.</source>
        <translation>muss ein Oktett in hex sein, etwa &quot;04&quot;, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be a list of texts such as &quot;purpose=isdn-uui&quot;.</source>
        <translation>muss eine Liste von Texten wie &quot;purpose=isdn-uui&quot; sein.</translation>
    </message>
    <message>
        <source>must be &quot;headerLine&quot;, &quot;headerValue&quot; or &quot;decodedData&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;headerLine&quot;, &quot;headerValue&quot; oder &quot;decodedData&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be {&quot;key&quot;: &quot;...&quot;, &quot;value&quot;: &quot;...&quot;}.</source>
        <translation>muss {&quot;key&quot;: &quot;...&quot;, &quot;value&quot;: &quot;...&quot;} sein.</translation>
    </message>
    <message>
        <source>must be &quot;emulator&quot; or &quot;org&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;emulator&quot; oder &quot;org&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be &quot;Inbound&quot; or &quot;Transfer&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;Inbound&quot; oder &quot;Transfer&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be {&quot;field&quot;: &quot;...&quot;, &quot;value&quot;: &quot;...&quot;}.</source>
        <translation>muss {&quot;field&quot;: &quot;...&quot;, &quot;value&quot;: &quot;...&quot;} sein.</translation>
    </message>
    <message>
        <source>There is no migration from project version %1.</source>
        <translation>Es gibt keine Migration von Projektversion %1.</translation>
    </message>
    <message>
        <source>The project file is not valid JSON: %1 at line %2, column %3. The file was not changed.</source>
        <translation>Die Projektdatei ist kein gültiges JSON: %1 in Zeile %2, Spalte %3. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This is not a Handoff Studio project (&quot;format&quot; must be &quot;%1&quot;).</source>
        <translation>Das ist kein Handoff-Studio-Projekt (&quot;format&quot; muss &quot;%1&quot; sein).</translation>
    </message>
    <message>
        <source>The project file holds a private key (in &quot;%1&quot;); it was not opened, because project files must never carry keys. Remove the key from the file, and import it into the keychain or refer to a key file instead.</source>
        <translation>Die Projektdatei enthält einen privaten Schlüssel (in &quot;%1&quot;); sie wurde nicht geöffnet, weil Projektdateien nie Schlüssel enthalten dürfen. Entfernen Sie den Schlüssel aus der Datei und importieren Sie ihn in den Schlüsselbund oder verweisen Sie stattdessen auf eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number of 1 or more.</source>
        <translation>&quot;version&quot; muss eine ganze Zahl ab 1 sein.</translation>
    </message>
    <message>
        <source>The project file has version %1, but this Handoff Studio reads up to version %2. Open it with a newer Handoff Studio; the file was not changed.</source>
        <translation>Die Projektdatei hat Version %1, aber dieses Handoff Studio liest bis Version %2. Öffnen Sie sie mit einem neueren Handoff Studio; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>A key needs a reference to be stored.</source>
        <translation>Ein Schlüssel braucht eine Referenz, um gespeichert zu werden.</translation>
    </message>
    <message>
        <source>No key is stored under &quot;%1&quot; in this session; import the key again.</source>
        <translation>In dieser Sitzung ist unter „%1“ kein Schlüssel gespeichert; importieren Sie den Schlüssel erneut.</translation>
    </message>
    <message>
        <source>This session only (not saved)</source>
        <translation>Nur diese Sitzung (nicht gespeichert)</translation>
    </message>
    <message>
        <source>No private key is loaded, so the UUI token cannot be signed. Press &quot;Generate Key Pair&quot; or &quot;Import Key File...&quot; (Org &amp; credentials). Until then the header size assumes a 2048-bit key.</source>
        <translation>Es ist kein privater Schlüssel geladen, daher kann das UUI-Token nicht signiert werden. Drücken Sie „Schlüsselpaar erzeugen“ oder „Schlüsseldatei importieren…“ (Org und Zugangsdaten). Bis dahin nimmt die Headergröße einen 2048-Bit-Schlüssel an.</translation>
    </message>
    <message>
        <source>Nothing entered yet: start with the org id and SCRT2 domain on the Org &amp; credentials page.</source>
        <translation>Noch nichts eingegeben: Beginnen Sie mit der Org-ID und der SCRT2-Domain auf der Seite Org und Zugangsdaten.</translation>
    </message>
    <message numerus="yes">
        <source>Not ready: %n error(s). First: %1</source>
        <translation>
            <numerusform>Nicht bereit: %n Fehler. Zuerst: %1</numerusform>
            <numerusform>Nicht bereit: %n Fehler. Zuerst: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready, with %n warning(s) to read.</source>
        <translation>
            <numerusform>Bereit, mit %n Warnung zum Lesen.</numerusform>
            <numerusform>Bereit, mit %n Warnungen zum Lesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready: no errors or warnings.</source>
        <translation>Bereit: keine Fehler oder Warnungen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 The file was not changed.</source>
        <translation>&quot;%1&quot;: %2 Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This project was written by an older version, which measured the 1,024-character limit on the whole User-to-User header line. It now applies to the decoded UUI data, the only reading under which a UUI with a signed token can fit (docs/uui-budget.md). Choose another reading under the trunk settings if your trunk or Salesforce has proven it.</source>
        <translation>Dieses Projekt wurde von einer älteren Version geschrieben, die das Limit von 1.024 Zeichen an der ganzen User-to-User-Header-Zeile gemessen hat. Jetzt gilt es für die dekodierten UUI-Daten, die einzige Lesart, unter der eine UUI mit einem signierten Token hineinpasst (docs/uui-budget.md). Wählen Sie in den Trunk-Einstellungen eine andere Lesart, wenn Ihr Trunk oder Salesforce sie bestätigt hat.</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Org settings</source>
        <translation>Org-Einstellungen</translation>
    </message>
    <message>
        <source>Org id, SCRT2 domain and Call Center API name are well formed.</source>
        <translation>Org-ID, SCRT2-Domain und Call-Center-API-Name sind wohlgeformt.</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>No private key is loaded: no token can be signed. Generate or import one on the Org &amp; credentials page (or give --key FILE).</source>
        <translation>Kein privater Schlüssel geladen: Es kann kein Token signiert werden. Erzeugen oder importieren Sie einen auf der Seite Org &amp; Zugangsdaten (oder geben Sie --key DATEI an).</translation>
    </message>
    <message>
        <source>%1 %2 bits: fit for RS256.</source>
        <translation>%1 %2 Bit: für RS256 geeignet.</translation>
    </message>
    <message>
        <source>Certificate uploaded to Salesforce</source>
        <translation>In Salesforce hochgeladenes Zertifikat</translation>
    </message>
    <message>
        <source>The project names no certificate file, so the certificate registered in Salesforce cannot be compared with the key. Save the certificate on the Org &amp; credentials page.</source>
        <translation>Das Projekt nennt keine Zertifikatsdatei, daher kann das in Salesforce registrierte Zertifikat nicht mit dem Schlüssel verglichen werden. Speichern Sie das Zertifikat auf der Seite Org &amp; Zugangsdaten.</translation>
    </message>
    <message>
        <source>The certificate expires at %1, before a token signed now under the token policy (%2) would. Make a new key pair and upload its certificate before go-live.</source>
        <translation>Das Zertifikat läuft am %1 ab, bevor ein jetzt nach der Token-Richtlinie (%2) signiertes Token abliefe. Erzeugen Sie vor dem Go-live ein neues Schlüsselpaar und laden Sie dessen Zertifikat hoch.</translation>
    </message>
    <message numerus="yes">
        <source>Belongs to the key; valid until %1 (%n day(s) left). SHA-256 %2.</source>
        <translation>
            <numerusform>Gehört zum Schlüssel; gültig bis %1 (noch %n Tag). SHA-256 %2.</numerusform>
            <numerusform>Gehört zum Schlüssel; gültig bis %1 (noch %n Tage). SHA-256 %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid until %1 (%n day(s) left); not compared with a key (none loaded).</source>
        <translation>
            <numerusform>Gültig bis %1 (noch %n Tag); nicht mit einem Schlüssel verglichen (keiner geladen).</numerusform>
            <numerusform>Gültig bis %1 (noch %n Tage); nicht mit einem Schlüssel verglichen (keiner geladen).</numerusform>
        </translation>
    </message>
    <message>
        <source>UUI token preset</source>
        <translation>Vorgabe für das UUI-Token</translation>
    </message>
    <message>
        <source>API token preset</source>
        <translation>Vorgabe für das API-Token</translation>
    </message>
    <message>
        <source>The UUI token preset has a jti, so each token works for one call only; the flow must mint one per call (the Function Data Action does).</source>
        <translation>Die Vorgabe für das UUI-Token hat eine jti, daher gilt jedes Token nur für einen Anruf; der Flow muss für jeden Anruf eines erzeugen (die Function Data Action tut das).</translation>
    </message>
    <message>
        <source>The API token preset has no jti: a stolen token can be replayed until it expires. Turn jti on (the preset: 5 minutes, single use).</source>
        <translation>Die Vorgabe für das API-Token hat keine jti: Ein gestohlenes Token kann bis zu seinem Ablauf wiederverwendet werden. Schalten Sie jti ein (die Vorgabe: 5 Minuten, einmalig).</translation>
    </message>
    <message>
        <source>Expires %1 after it is signed; %2.</source>
        <translation>Läuft %1 nach dem Signieren ab; %2.</translation>
    </message>
    <message>
        <source>single use (jti)</source>
        <translation>einmalig (jti)</translation>
    </message>
    <message>
        <source>reusable (no jti)</source>
        <translation>wiederverwendbar (keine jti)</translation>
    </message>
    <message>
        <source>UUI under the trunk profile</source>
        <translation>UUI unter dem Trunk-Profil</translation>
    </message>
    <message>
        <source>%1 of %2 characters used (%3), %4 left.</source>
        <translation>%1 von %2 Zeichen belegt (%3), %4 frei.</translation>
    </message>
    <message>
        <source>Measured with a stand-in for a 2048-bit key&apos;s token (no key loaded).</source>
        <translation>Gemessen mit einem Platzhalter für das Token eines 2048-Bit-Schlüssels (kein Schlüssel geladen).</translation>
    </message>
    <message>
        <source>Flow validation</source>
        <translation>Flow-Prüfung</translation>
    </message>
    <message>
        <source>The project has no flow. Start one from the template (handoff flow new --template sip-transfer) or in the flow designer.</source>
        <translation>Das Projekt hat keinen Flow. Beginnen Sie einen aus der Vorlage (handoff flow new --template sip-transfer) oder im Flow-Designer.</translation>
    </message>
    <message>
        <source>The flow holds together and its success path reaches the agent.</source>
        <translation>Der Flow ist in sich stimmig, und sein Erfolgspfad erreicht den Agenten.</translation>
    </message>
    <message>
        <source>Every outcome handled</source>
        <translation>Jedes Ergebnis behandelt</translation>
    </message>
    <message>
        <source>Not run: fix the flow&apos;s validation first (%1).</source>
        <translation>Nicht ausgeführt: Beheben Sie zuerst die Flow-Prüfung (%1).</translation>
    </message>
    <message>
        <source>Data action %1, transfer %2: %3</source>
        <translation>Data Action %1, Weiterleitung %2: %3</translation>
    </message>
    <message>
        <source>%1 of %2 data-action and transfer outcomes end as they should.</source>
        <translation>%1 von %2 Ergebnissen von Data Action und Weiterleitung enden wie vorgesehen.</translation>
    </message>
    <message>
        <source>Tokens over time</source>
        <translation>Tokens im Zeitverlauf</translation>
    </message>
    <message>
        <source>Transfers start failing in hour %1 (%2): %3.</source>
        <translation>Weiterleitungen schlagen ab Stunde %1 fehl (%2): %3.</translation>
    </message>
    <message>
        <source>%1 of %2 calls over %3 h reached the agent with the UUI token policy.</source>
        <translation>%1 von %2 Anrufen über %3 h erreichten den Agenten mit der Richtlinie für das UUI-Token.</translation>
    </message>
    <message>
        <source>Data action contracts and Set UUI Data</source>
        <translation>Data-Action-Verträge und Set UUI Data</translation>
    </message>
    <message>
        <source>The contracts pass Genesys&apos; rules; the Set UUI Data value is bound.</source>
        <translation>Die Verträge erfüllen die Regeln von Genesys; der Wert für Set UUI Data ist gebunden.</translation>
    </message>
    <message>
        <source>Function Data Action package</source>
        <translation>Function-Data-Action-Paket</translation>
    </message>
    <message>
        <source>Runtime %1, timeout %2 s.</source>
        <translation>Laufzeit %1, Zeitlimit %2 s.</translation>
    </message>
    <message>
        <source>Credential probe (API token)</source>
        <translation>Zugangsprobe (API-Token)</translation>
    </message>
    <message>
        <source>Not run. Run the credential probe against the built-in emulator or the org; it proves the API token&apos;s path only, not the UUI token&apos;s.</source>
        <translation>Nicht ausgeführt. Führen Sie die Zugangsprobe gegen den eingebauten Emulator oder die Org aus; sie beweist nur den Weg des API-Tokens, nicht den des UUI-Tokens.</translation>
    </message>
    <message>
        <source>A real transfer at this UUI size</source>
        <translation>Eine echte Weiterleitung bei dieser UUI-Größe</translation>
    </message>
    <message>
        <source>Not run: no real transfer is recorded. Only a transfer to Salesforce shows how it reads the 1,024 limit; make one with this UUI (%1 bytes) and record its date, size and outcome.</source>
        <translation>Nicht ausgeführt: Keine echte Weiterleitung erfasst. Nur eine Weiterleitung zu Salesforce zeigt, wie es das Limit von 1.024 liest; machen Sie eine mit dieser UUI (%1 Bytes) und erfassen Sie Datum, Größe und Ergebnis.</translation>
    </message>
    <message>
        <source>A real transfer succeeded on %1 with %2 bytes of UUI (now %3).</source>
        <translation>Eine echte Weiterleitung gelang am %1 mit %2 Bytes UUI (jetzt %3).</translation>
    </message>
    <message>
        <source>The last real transfer (%1) succeeded with %2 bytes, but the UUI now has %3 bytes: make and record one at this size.</source>
        <translation>Die letzte echte Weiterleitung (%1) gelang mit %2 Bytes, aber die UUI hat jetzt %3 Bytes: Machen und erfassen Sie eine bei dieser Größe.</translation>
    </message>
    <message>
        <source>The last real transfer (%1) failed with %2 bytes of UUI, and the UUI now has %3 bytes.</source>
        <translation>Die letzte echte Weiterleitung (%1) schlug mit %2 Bytes UUI fehl, und die UUI hat jetzt %3 Bytes.</translation>
    </message>
    <message>
        <source>The last real transfer (%1) failed with %2 bytes; the UUI is smaller now (%3 bytes): make and record another.</source>
        <translation>Die letzte echte Weiterleitung (%1) schlug mit %2 Bytes fehl; die UUI ist jetzt kleiner (%3 Bytes): Machen und erfassen Sie eine weitere.</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>The private key does not belong to the certificate. Import the key the certificate was made from, or generate a new pair and upload its certificate to Salesforce.</source>
        <translation>Der private Schlüssel gehört nicht zum Zertifikat. Importieren Sie den Schlüssel, aus dem das Zertifikat erstellt wurde, oder erzeugen Sie ein neues Paar und laden Sie dessen Zertifikat in Salesforce hoch.</translation>
    </message>
    <message>
        <source>must be an object with date, uuiBytes and outcome.</source>
        <translation>muss ein Objekt mit date, uuiBytes und outcome sein.</translation>
    </message>
    <message>
        <source>must be a date such as 2026-12-01, not &quot;%1&quot;.</source>
        <translation>muss ein Datum wie 2026-12-01 sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>must be 0 or more.</source>
        <translation>muss 0 oder größer sein.</translation>
    </message>
    <message>
        <source>must be &quot;success&quot; or &quot;failure&quot;, not &quot;%1&quot;.</source>
        <translation>muss &quot;success&quot; oder &quot;failure&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The call reaches the Agentforce agent with no Set Post-Flow before the transfer: when the agent hangs up to escalate, the caller is disconnected instead of reaching a rep. Add Set Post-Flow (Target: Caller, the escalation flow) before Transfer to Number.</source>
        <translation>Der Anruf erreicht den Agentforce-Agenten ohne Set Post-Flow vor dem Transfer: Wenn der Agent zur Eskalation auflegt, wird der Anrufer getrennt, statt einen Mitarbeiter zu erreichen. Fügen Sie Set Post-Flow (Target: Caller, der Eskalations-Flow) vor Transfer to Number ein.</translation>
    </message>
    <message>
        <source>The project has no environment &quot;%1&quot;; it has: %2.</source>
        <translation>Das Projekt hat keine Umgebung „%1“; es hat: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name an environment: use 1 to 40 letters, digits, - or _, starting with a letter or digit (for example &quot;sandbox&quot; or &quot;production&quot;).</source>
        <translation>„%1“ kann keine Umgebung benennen: Verwenden Sie 1 bis 40 Buchstaben, Ziffern, - oder _, beginnend mit einem Buchstaben oder einer Ziffer (zum Beispiel „sandbox“ oder „production“).</translation>
    </message>
    <message>
        <source>The project already has an environment &quot;%1&quot;; choose another name.</source>
        <translation>Das Projekt hat bereits eine Umgebung „%1“; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the project&apos;s only environment and cannot be removed; add another one first.</source>
        <translation>„%1“ ist die einzige Umgebung des Projekts und kann nicht entfernt werden; fügen Sie zuerst eine weitere hinzu.</translation>
    </message>
    <message>
        <source>The SIP address of the environment &quot;%1&quot; is &quot;%2&quot;, not E.164: write it as + and 1 to 15 digits, the number of the Agentforce Voice channel.</source>
        <translation>Die SIP-Adresse der Umgebung „%1“ ist „%2“, nicht E.164: Schreiben Sie sie als + und 1 bis 15 Ziffern, die Nummer des Agentforce-Voice-Kanals.</translation>
    </message>
    <message>
        <source>Environment %1?</source>
        <translation>Umgebung %1?</translation>
    </message>
    <message>
        <source>Environment settings</source>
        <translation>Umgebungseinstellungen</translation>
    </message>
    <message>
        <source>The Salesforce environment this flow hands calls to (%1). Handoff Studio exported the flow for &quot;%2&quot;; set the initial value to another environment&apos;s name to switch.</source>
        <translation>Die Salesforce-Umgebung, an die dieser Flow Anrufe übergibt (%1). Handoff Studio hat den Flow für „%2“ exportiert; setzen Sie den Anfangswert auf den Namen einer anderen Umgebung, um zu wechseln.</translation>
    </message>
    <message>
        <source>This project was written by an older version, which had one org per project. Its org settings, key and trunk are now the environment &quot;%1&quot;; add others (a sandbox, production) on the Org &amp; credentials page or with `handoff env add`.</source>
        <translation>Dieses Projekt wurde von einer älteren Version geschrieben, die eine Org pro Projekt kannte. Seine Org-Einstellungen, sein Schlüssel und sein Trunk sind jetzt die Umgebung „%1“; weitere (Sandbox, Produktion) fügen Sie auf der Seite Org und Zugangsdaten oder mit `handoff env add` hinzu.</translation>
    </message>
    <message>
        <source>must list at least one environment, such as {&quot;name&quot;: &quot;production&quot;, &quot;org&quot;: {...}}.</source>
        <translation>muss mindestens eine Umgebung enthalten, etwa {&quot;name&quot;: &quot;production&quot;, &quot;org&quot;: {...}}.</translation>
    </message>
    <message>
        <source>must be an object with a name, org, key and trunk.</source>
        <translation>muss ein Objekt mit name, org, key und trunk sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names two environments; rename one.</source>
        <translation>„%1“ benennt zwei Umgebungen; benennen Sie eine um.</translation>
    </message>
    <message>
        <source>names no environment of the file (&quot;%1&quot;); it has: %2.</source>
        <translation>nennt keine Umgebung der Datei („%1“); sie hat: %2.</translation>
    </message>
</context>
<context>
    <name>handoff::salesforce</name>
    <message>
        <source>Salesforce Voice with Telephony Providers</source>
        <translation>Salesforce Voice with Telephony Providers</translation>
    </message>
    <message>
        <source>Other (including Open CTI)</source>
        <translation>Andere (einschließlich Open CTI)</translation>
    </message>
    <message>
        <source>The SCRT2 domain is empty. Enter it as &lt;name&gt;.my.salesforce-scrt.com (it is shown in Setup with the contact center&apos;s telephony settings).</source>
        <translation>Die SCRT2-Domain ist leer. Geben Sie sie als &lt;name&gt;.my.salesforce-scrt.com ein (sie steht im Setup bei den Telefonie-Einstellungen des Contact Centers).</translation>
    </message>
    <message>
        <source>http:// was replaced by https://, the only scheme Salesforce accepts</source>
        <translation>http:// wurde durch https:// ersetzt, das einzige Schema, das Salesforce akzeptiert</translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses the scheme %2://; the SCRT2 address is an https:// address or a bare domain such as mycompany.my.salesforce-scrt.com.</source>
        <translation>&apos;%1&apos; verwendet das Schema %2://; die SCRT2-Adresse ist eine https://-Adresse oder eine reine Domain wie mycompany.my.salesforce-scrt.com.</translation>
    </message>
    <message>
        <source>the path %1 was dropped (the base URL always ends in %2)</source>
        <translation>der Pfad %1 wurde entfernt (die Basis-URL endet immer auf %2)</translation>
    </message>
    <message>
        <source>the domain was lower-cased</source>
        <translation>die Domain wurde in Kleinbuchstaben umgewandelt</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a host name: a domain has only letters, digits, hyphens and dots (no spaces, port or user). Enter it as &lt;name&gt;.my.salesforce-scrt.com.</source>
        <translation>&apos;%1&apos; ist kein Hostname: Eine Domain besteht nur aus Buchstaben, Ziffern, Bindestrichen und Punkten (keine Leerzeichen, kein Port, kein Benutzer). Geben Sie sie als &lt;name&gt;.my.salesforce-scrt.com ein.</translation>
    </message>
    <message>
        <source>The SCRT2 domain has %1 bytes; the UUI field scrt2Domain allows at most %2. Check that nothing else was pasted with it.</source>
        <translation>Die SCRT2-Domain hat %1 Byte; das UUI-Feld scrt2Domain erlaubt höchstens %2. Prüfen Sie, dass nichts anderes mit eingefügt wurde.</translation>
    </message>
    <message>
        <source> Did you mean %1?</source>
        <translation> Meinten Sie %1?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an SCRT2 domain: it must end in .my.salesforce-scrt.com (not the my.salesforce.com or lightning.force.com domain of the org).</source>
        <translation>&apos;%1&apos; ist keine SCRT2-Domain: Sie muss auf .my.salesforce-scrt.com enden (nicht die Domain my.salesforce.com oder lightning.force.com der Org).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; lacks the My Domain name in front: enter it as &lt;name&gt;.my.salesforce-scrt.com.</source>
        <translation>Vor &apos;%1&apos; fehlt der Name der My Domain: Geben Sie sie als &lt;name&gt;.my.salesforce-scrt.com ein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no &apos;.my.&apos; before salesforce-scrt.com; Salesforce documents &lt;name&gt;.my.salesforce-scrt.com. Check the domain in Setup.</source>
        <translation>&apos;%1&apos; hat kein &apos;.my.&apos; vor salesforce-scrt.com; Salesforce dokumentiert &lt;name&gt;.my.salesforce-scrt.com. Prüfen Sie die Domain im Setup.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a sandbox domain (My Domain %2, sandbox %3). Salesforce does not document the sandbox form for SCRT2; it is assumed to work like production. Test the handoff in the sandbox before relying on it.</source>
        <translation>&apos;%1&apos; ist eine Sandbox-Domain (My Domain %2, Sandbox %3). Salesforce dokumentiert die Sandbox-Form für SCRT2 nicht; es wird angenommen, dass sie wie Produktion funktioniert. Testen Sie die Übergabe in der Sandbox, bevor Sie sich darauf verlassen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not start with a valid My Domain name (letters, digits and single hyphens, for example mycompany.my.salesforce-scrt.com).</source>
        <translation>&apos;%1&apos; beginnt nicht mit einem gültigen My-Domain-Namen (Buchstaben, Ziffern und einzelne Bindestriche, zum Beispiel mycompany.my.salesforce-scrt.com).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was read as the domain %2: %3.</source>
        <translation>&apos;%1&apos; wurde als Domain %2 gelesen: %3.</translation>
    </message>
    <message>
        <source>it may contain only letters, digits and underscores (no spaces or hyphens)</source>
        <translation>er darf nur Buchstaben, Ziffern und Unterstriche enthalten (keine Leerzeichen oder Bindestriche)</translation>
    </message>
    <message>
        <source>it must start with a letter</source>
        <translation>er muss mit einem Buchstaben beginnen</translation>
    </message>
    <message>
        <source>it must not contain two underscores in a row</source>
        <translation>er darf keine zwei Unterstriche hintereinander enthalten</translation>
    </message>
    <message>
        <source>it must not end with an underscore</source>
        <translation>er darf nicht mit einem Unterstrich enden</translation>
    </message>
    <message>
        <source>it has %1 characters, more than %2</source>
        <translation>er hat %1 Zeichen, mehr als %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid Call Center API name: %2. Copy the API name (not the label) from Setup &gt; Call Centers.</source>
        <translation>&apos;%1&apos; ist kein gültiger Call-Center-API-Name: %2. Kopieren Sie den API-Namen (nicht die Bezeichnung) aus Setup &gt; Call Center.</translation>
    </message>
    <message>
        <source>The org id is empty. Copy the Salesforce org id (00D...) from Setup &gt; Company Information.</source>
        <translation>Die Org-ID ist leer. Kopieren Sie die Salesforce-Org-ID (00D...) aus Setup &gt; Unternehmensinformationen.</translation>
    </message>
    <message>
        <source>The Call Center API name is empty. Salesforce Voice with Telephony Providers customers put it in the token&apos;s sub claim; copy it from Setup &gt; Call Centers, or change the customer type.</source>
        <translation>Der Call-Center-API-Name ist leer. Kunden von Salesforce Voice with Telephony Providers setzen ihn in den sub-Claim des Tokens; kopieren Sie ihn aus Setup &gt; Call Center oder ändern Sie den Kundentyp.</translation>
    </message>
    <message>
        <source>The Call Center API name &apos;%1&apos; is not used: for this customer type the token has no sub claim. Clear it, or change the customer type to Salesforce Voice with Telephony Providers.</source>
        <translation>Der Call-Center-API-Name &apos;%1&apos; wird nicht verwendet: Bei diesem Kundentyp hat das Token keinen sub-Claim. Leeren Sie ihn oder ändern Sie den Kundentyp in Salesforce Voice with Telephony Providers.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has %2 characters; a Salesforce id has 15 or 18. Copy the whole id from the record&apos;s URL or the API response.</source>
        <translation>&apos;%1&apos; hat %2 Zeichen; eine Salesforce-ID hat 15 oder 18. Kopieren Sie die ganze ID aus der URL des Datensatzes oder der API-Antwort.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has the character &apos;%2&apos; at position %3; a Salesforce id has only letters A-Z, a-z and digits. Remove spaces, quotes or punctuation.</source>
        <translation>&apos;%1&apos; hat an Position %3 das Zeichen &apos;%2&apos;; eine Salesforce-ID besteht nur aus den Buchstaben A-Z, a-z und Ziffern. Entfernen Sie Leerzeichen, Anführungszeichen oder Satzzeichen.</translation>
    </message>
    <message>
        <source>The case of &apos;%1&apos; does not match its last 3 characters, so its letters were upper- or lower-cased on the way (a spreadsheet or a case-insensitive field does this). The id it stands for is %2; use that.</source>
        <translation>Die Groß-/Kleinschreibung von &apos;%1&apos; passt nicht zu den letzten 3 Zeichen, die Buchstaben wurden also unterwegs in Groß- oder Kleinbuchstaben umgewandelt (das passiert in Tabellenkalkulationen oder Feldern ohne Unterscheidung der Schreibweise). Gemeint ist die ID %2; verwenden Sie diese.</translation>
    </message>
    <message>
        <source>The last 3 characters of &apos;%1&apos; are not the check suffix of its first 15 (that would be %2). The id was mistyped or edited: copy it again from Salesforce.</source>
        <translation>Die letzten 3 Zeichen von &apos;%1&apos; sind nicht das Prüfsuffix der ersten 15 (das wäre %2). Die ID wurde falsch getippt oder bearbeitet: Kopieren Sie sie erneut aus Salesforce.</translation>
    </message>
    <message>
        <source>If only the case of its letters changed, it stands for %1.</source>
        <translation>Falls sich nur die Groß-/Kleinschreibung geändert hat, ist %1 gemeint.</translation>
    </message>
    <message>
        <source>Only an 18-character id carries the case of its letters; &apos;%1&apos; has 15.</source>
        <translation>Nur eine 18-stellige ID trägt die Groß-/Kleinschreibung ihrer Buchstaben; &apos;%1&apos; hat 15 Zeichen.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; ends in characters that cannot be a check suffix (only A-Z and 0-5 are used). Copy the id again from Salesforce.</source>
        <translation>&apos;%1&apos; endet auf Zeichen, die kein Prüfsuffix sein können (verwendet werden nur A-Z und 0-5). Kopieren Sie die ID erneut aus Salesforce.</translation>
    </message>
    <message>
        <source>The check suffix of &apos;%1&apos; marks a digit as an upper-case letter, so it does not belong to this id. Copy the id again from Salesforce.</source>
        <translation>Das Prüfsuffix von &apos;%1&apos; kennzeichnet eine Ziffer als Großbuchstaben, gehört also nicht zu dieser ID. Kopieren Sie die ID erneut aus Salesforce.</translation>
    </message>
    <message>
        <source>an id with the key prefix %1</source>
        <translation>eine ID mit dem Key-Präfix %1</translation>
    </message>
    <message>
        <source>a %1 id (key prefix %2)</source>
        <translation>eine %1-ID (Key-Präfix %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2, but this field wants an id of kind %3 (key prefix %4). Check that the right id was pasted here.</source>
        <translation>&apos;%1&apos; ist %2, aber dieses Feld erwartet eine ID der Art %3 (Key-Präfix %4). Prüfen Sie, ob hier die richtige ID eingefügt wurde.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the 15-character form; this field wants the 18-character form %2 (the same id with its case-safe suffix).</source>
        <translation>&apos;%1&apos; ist die 15-stellige Form; dieses Feld erwartet die 18-stellige Form %2 (dieselbe ID mit ihrem Suffix für die Groß-/Kleinschreibung).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the 18-character form; this field wants the 15-character form %2.</source>
        <translation>&apos;%1&apos; ist die 18-stellige Form; dieses Feld erwartet die 15-stellige Form %2.</translation>
    </message>
    <message>
        <source>The org id %1 looks like a placeholder from an example. Copy your org&apos;s id from Setup &gt; Company Information.</source>
        <translation>Die Org-ID %1 sieht nach einem Platzhalter aus einem Beispiel aus. Kopieren Sie die ID Ihrer Org aus Setup &gt; Unternehmensinformationen.</translation>
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
    <message>
        <source>Nothing entered yet</source>
        <translation>Noch nichts eingegeben</translation>
    </message>
    <message numerus="yes">
        <source>Not ready: %n error(s)</source>
        <translation>
            <numerusform>Nicht bereit: %n Fehler</numerusform>
            <numerusform>Nicht bereit: %n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready, %n warning(s)</source>
        <translation>
            <numerusform>Bereit, %n Warnung</numerusform>
            <numerusform>Bereit, %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>S&amp;tart Screen…</source>
        <translation>S&amp;tartbildschirm…</translation>
    </message>
    <message>
        <source>Open the sample, create a project from the article&apos;s template, open a recent project or start the training</source>
        <translation>Das Beispiel öffnen, ein Projekt aus der Vorlage des Artikels anlegen, ein zuletzt geöffnetes Projekt öffnen oder das Training beginnen</translation>
    </message>
    <message>
        <source>Environment: </source>
        <translation>Umgebung: </translation>
    </message>
    <message>
        <source>The environment (org, key, trunk, SIP address) every page works on; add and rename them on Org &amp; credentials</source>
        <translation>Die Umgebung (Org, Schlüssel, Trunk, SIP-Adresse), mit der alle Seiten arbeiten; hinzufügen und umbenennen auf Org und Zugangsdaten</translation>
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
    <message>
        <source>Task %1</source>
        <translation>Task %1</translation>
    </message>
    <message>
        <source>Task %1, action %2</source>
        <translation>Task %1, Aktion %2</translation>
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
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
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
        <source>Switch to environment %1</source>
        <translation>Zur Umgebung %1 wechseln</translation>
    </message>
</context>
<context>
    <name>handoff::sip</name>
    <message>
        <source>The SIP stack could not start.</source>
        <translation>Der SIP-Stack konnte nicht starten.</translation>
    </message>
    <message>
        <source>The SIP stand-in cannot listen on 127.0.0.1:%1 (in use?).</source>
        <translation>Der SIP-Stellvertreter kann nicht auf 127.0.0.1:%1 lauschen (belegt?).</translation>
    </message>
    <message>
        <source>The SIP stand-in cannot serve TLS on 127.0.0.1:%1.</source>
        <translation>Der SIP-Stellvertreter kann TLS nicht auf 127.0.0.1:%1 anbieten.</translation>
    </message>
    <message>
        <source>No temporary directory for the SIP stand-in&apos;s TLS identity.</source>
        <translation>Kein temporäres Verzeichnis für die TLS-Identität des SIP-Stellvertreters.</translation>
    </message>
    <message>
        <source>The SIP stand-in&apos;s TLS identity could not be prepared.</source>
        <translation>Die TLS-Identität des SIP-Stellvertreters konnte nicht vorbereitet werden.</translation>
    </message>
    <message>
        <source>The simulated call reached no Transfer to Number, so there is no INVITE to send. Check the flow with &apos;handoff flow simulate&apos;.</source>
        <translation>Der simulierte Anruf erreichte kein Transfer to Number, daher gibt es keinen INVITE zu senden. Prüfen Sie den Flow mit &apos;handoff flow simulate&apos;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address: give sip:USER@HOST[:PORT] (for example sip:+15550100100@127.0.0.1:5060).</source>
        <translation>&quot;%1&quot; ist keine SIP-Adresse: Geben Sie sip:USER@HOST[:PORT] an (zum Beispiel sip:+15550100100@127.0.0.1:5060).</translation>
    </message>
    <message>
        <source>sips: address: TLS</source>
        <translation>sips:-Adresse: TLS</translation>
    </message>
    <message>
        <source>about %1 bytes, over %2: TCP (RFC 3261 §18.1.1)</source>
        <translation>etwa %1 Byte, über %2: TCP (RFC 3261 §18.1.1)</translation>
    </message>
    <message>
        <source>about %1 bytes, within %2: UDP</source>
        <translation>etwa %1 Byte, innerhalb von %2: UDP</translation>
    </message>
    <message>
        <source>forced with --transport</source>
        <translation>mit --transport erzwungen</translation>
    </message>
    <message>
        <source>The SIP stack could not start on %1 for %2.</source>
        <translation>Der SIP-Stack konnte auf %1 nicht für %2 starten.</translation>
    </message>
    <message>
        <source>The INVITE to %1 could not be sent over %2.</source>
        <translation>Der INVITE an %1 konnte nicht über %2 gesendet werden.</translation>
    </message>
    <message>
        <source>No final response within %1 ms after %2 provisional: CANCEL sent%3.</source>
        <translation>Keine endgültige Antwort innerhalb von %1 ms nach vorläufiger Antwort %2: CANCEL gesendet%3.</translation>
    </message>
    <message>
        <source>, the INVITE ended with %1</source>
        <translation>, der INVITE endete mit %1</translation>
    </message>
    <message>
        <source>No response at all within %1 ms: no CANCEL (RFC 3261 §9.1 allows it only after a provisional response); the INVITE transaction was abandoned.</source>
        <translation>Gar keine Antwort innerhalb von %1 ms: kein CANCEL (RFC 3261 §9.1 erlaubt ihn erst nach einer vorläufigen Antwort); die INVITE-Transaktion wurde aufgegeben.</translation>
    </message>
    <message>
        <source>BYE answered %1.</source>
        <translation>BYE mit %1 beantwortet.</translation>
    </message>
    <message>
        <source>BYE got no answer within %1 ms.</source>
        <translation>BYE erhielt innerhalb von %1 ms keine Antwort.</translation>
    </message>
    <message>
        <source>The INVITE went over UDP with %1 bytes, over %2 (forced).</source>
        <translation>Der INVITE ging mit %1 Byte über UDP, mehr als %2 (erzwungen).</translation>
    </message>
    <message>
        <source>%1 %2 came from the local SIP stack, not from the peer (the peer could not be reached).</source>
        <translation>%1 %2 kam vom lokalen SIP-Stack, nicht von der Gegenstelle (die Gegenstelle war nicht erreichbar).</translation>
    </message>
    <message>
        <source>no final response from %1</source>
        <translation>keine endgültige Antwort von %1</translation>
    </message>
    <message>
        <source>INVITE sent to %1 over %2 (%3), %4 bytes.</source>
        <translation>INVITE an %1 über %2 gesendet (%3), %4 Byte.</translation>
    </message>
    <message>
        <source>Provisional: %1 %2</source>
        <translation>Vorläufig: %1 %2</translation>
    </message>
    <message>
        <source>Final: %1 %2</source>
        <translation>Endgültig: %1 %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The TLS peer %1:%2 is not verified: %3. Nothing was sent. Give the peer&apos;s certificate or its CA with --ca FILE (for the emulator&apos;s SIP stand-in: the certificate `handoff emulator --write-sip-cert FILE` saves), or --insecure to send without verifying.</source>
        <translation>Die TLS-Gegenstelle %1:%2 ist nicht geprüft: %3. Es wurde nichts gesendet. Geben Sie das Zertifikat der Gegenstelle oder ihre CA mit --ca DATEI an (für den SIP-Stellvertreter des Emulators: das Zertifikat, das `handoff emulator --write-sip-cert DATEI` speichert), oder --insecure, um ohne Prüfung zu senden.</translation>
    </message>
    <message>
        <source>TLS peer verified: %1, issued by %2 (SHA-256 %3).</source>
        <translation>TLS-Gegenstelle geprüft: %1, ausgestellt von %2 (SHA-256 %3).</translation>
    </message>
    <message>
        <source>TLS peer NOT verified (--insecure).</source>
        <translation>TLS-Gegenstelle NICHT geprüft (--insecure).</translation>
    </message>
    <message>
        <source>No temporary directory for the TLS peer&apos;s CAs.</source>
        <translation>Kein temporäres Verzeichnis für die CAs der TLS-Gegenstelle.</translation>
    </message>
    <message>
        <source>Stand-in: no INVITE arrived.</source>
        <translation>Stellvertreter: Kein INVITE ist angekommen.</translation>
    </message>
    <message>
        <source>Stand-in: INVITE received over %1 from %2, answered %3 %4.</source>
        <translation>Stellvertreter: INVITE über %1 von %2 empfangen, beantwortet mit %3 %4.</translation>
    </message>
    <message>
        <source>Stand-in: no User-to-User header.</source>
        <translation>Stellvertreter: kein User-to-User-Header.</translation>
    </message>
    <message>
        <source>Stand-in: read %1 (%2).</source>
        <translation>Stellvertreter: %1 gelesen (%2).</translation>
    </message>
    <message>
        <source>Stand-in: the token verified against the registered key; VoiceCall %1 found (created by the emulator for this call).</source>
        <translation>Stellvertreter: Das Token wurde mit dem registrierten Schlüssel geprüft; VoiceCall %1 gefunden (vom Emulator für diesen Anruf angelegt).</translation>
    </message>
    <message>
        <source>Stand-in: %1 %2: %3</source>
        <translation>Stellvertreter: %1 %2: %3</translation>
    </message>
    <message>
        <source>The project&apos;s org cannot be registered with the emulator: %1</source>
        <translation>Die Org des Projekts kann beim Emulator nicht registriert werden: %1</translation>
    </message>
</context>
<context>
    <name>handoff::telephony</name>
    <message>
        <source>There is no private key to sign the API token with; choose the key file.</source>
        <translation>Es gibt keinen privaten Schlüssel, mit dem das API-Token signiert werden kann; wählen Sie die Schlüsseldatei.</translation>
    </message>
    <message>
        <source>The org id (the token&apos;s iss) is empty; enter the 15-character 00D id.</source>
        <translation>Die Org-ID (der iss des Tokens) ist leer; geben Sie die 15-stellige 00D-ID ein.</translation>
    </message>
    <message>
        <source>The API token could not be signed: %1</source>
        <translation>Das API-Token konnte nicht signiert werden: %1</translation>
    </message>
    <message>
        <source>Entry %1 of callAttributes has no field name; give the VoiceCall field&apos;s API name.</source>
        <translation>Eintrag %1 von callAttributes hat keinen Feldnamen; geben Sie den API-Namen des VoiceCall-Felds an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field API name (letters, digits and underscores, e.g. Department__c).</source>
        <translation>„%1“ ist kein API-Name eines Felds (Buchstaben, Ziffern und Unterstriche, z. B. Department__c).</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; appears twice in callAttributes; keep one.</source>
        <translation>Das Feld „%1“ kommt in callAttributes zweimal vor; behalten Sie eines.</translation>
    </message>
    <message numerus="yes">
        <source>callAttributes uses single or typographic quotes, which is not JSON (the help article prints it that way). It was read as %n pair(s) and will be sent as real JSON.</source>
        <translation>
            <numerusform>callAttributes verwendet einfache oder typografische Anführungszeichen, was kein JSON ist (der Hilfeartikel druckt es so). Es wurde als %n Paar gelesen und wird als echtes JSON gesendet.</numerusform>
            <numerusform>callAttributes verwendet einfache oder typografische Anführungszeichen, was kein JSON ist (der Hilfeartikel druckt es so). Es wurde als %n Paare gelesen und wird als echtes JSON gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>callAttributes cannot be read: write a JSON object such as {&quot;Department__c&quot;:&quot;Support&quot;}.</source>
        <translation>callAttributes kann nicht gelesen werden: Schreiben Sie ein JSON-Objekt wie {&quot;Department__c&quot;:&quot;Support&quot;}.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither http nor https.</source>
        <translation>&apos;%1&apos; ist weder http noch https.</translation>
    </message>
    <message>
        <source>%1 is plain http on this computer: fine for the built-in emulator, never for an org.</source>
        <translation>%1 ist reines http auf diesem Computer: in Ordnung für den eingebauten Emulator, niemals für eine Org.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be used as the SCRT2 base URL; enter https://&lt;MyDomain&gt;.my.salesforce-scrt.com.</source>
        <translation>&apos;%1&apos; kann nicht als SCRT2-Basis-URL verwendet werden; geben Sie https://&lt;MyDomain&gt;.my.salesforce-scrt.com ein.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is sent as &quot;%3&quot;.</source>
        <translation>%1: „%2“ wird als „%3“ gesendet.</translation>
    </message>
    <message>
        <source>Write it with + and the country code, or set the default region for national numbers.</source>
        <translation>Schreiben Sie sie mit + und Landesvorwahl, oder setzen Sie die Standardregion für nationale Nummern.</translation>
    </message>
    <message>
        <source>It is not a valid number for region %1; write it with + and the country code.</source>
        <translation>Sie ist keine gültige Nummer für die Region %1; schreiben Sie sie mit + und Landesvorwahl.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not in E.164 form and is sent as typed. %3</source>
        <translation>%1: „%2“ ist nicht im E.164-Format und wird wie eingegeben gesendet. %3</translation>
    </message>
    <message>
        <source>scripted backend (no network)</source>
        <translation>skriptgesteuertes Backend (kein Netzwerk)</translation>
    </message>
    <message>
        <source>VoiceCall %1 was created, but: %2</source>
        <translation>VoiceCall %1 wurde angelegt, aber: %2</translation>
    </message>
    <message>
        <source>VoiceCall %1 created (scripted).</source>
        <translation>VoiceCall %1 angelegt (skriptgesteuert).</translation>
    </message>
    <message>
        <source>No answer within %1 ms (scripted timeout).</source>
        <translation>Keine Antwort innerhalb von %1 ms (skriptgesteuertes Timeout).</translation>
    </message>
    <message>
        <source>the server&apos;s certificate does not match the pinned SHA-256</source>
        <translation>das Zertifikat des Servers passt nicht zum gepinnten SHA-256</translation>
    </message>
    <message>
        <source>Could not connect within %1 ms (DNS, TCP and TLS).</source>
        <translation>Keine Verbindung innerhalb von %1 ms (DNS, TCP und TLS).</translation>
    </message>
    <message>
        <source>No complete answer within %1 ms; the Genesys Call Data Action would take its timeout path.</source>
        <translation>Keine vollständige Antwort innerhalb von %1 ms; die Call Data Action in Genesys würde ihren Timeout-Pfad nehmen.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 could not be verified: %2. Nothing was sent.</source>
        <translation>Die TLS-Verbindung zu %1 konnte nicht verifiziert werden: %2. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Rate limited (HTTP 429); retried once after %1 s as Retry-After asked.</source>
        <translation>Ratenbegrenzung (HTTP 429); einmal nach %1 s erneut versucht, wie von Retry-After verlangt.</translation>
    </message>
    <message>
        <source>Retry-After: %1 s, longer than this request may wait.</source>
        <translation>Retry-After: %1 s, länger, als diese Anfrage warten darf.</translation>
    </message>
    <message>
        <source>%1 is required; fill it in.</source>
        <translation>%1 ist erforderlich; füllen Sie es aus.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not in E.164 form and is sent as typed.</source>
        <translation>%1: „%2“ ist nicht im E.164-Format und wird wie eingegeben gesendet.</translation>
    </message>
    <message>
        <source>%1 is required; give the caller&apos;s number.</source>
        <translation>%1 ist erforderlich; geben Sie die Nummer des Anrufers an.</translation>
    </message>
    <message>
        <source>callSubtype is &quot;%1&quot;; use PSTN or WebRTC, or leave it empty.</source>
        <translation>callSubtype ist „%1“; verwenden Sie PSTN oder WebRTC, oder lassen Sie es leer.</translation>
    </message>
    <message>
        <source>parentVoiceCallId is set but initiationMethod is Inbound; set Transfer, or clear the parent.</source>
        <translation>parentVoiceCallId ist gesetzt, aber initiationMethod ist Inbound; setzen Sie Transfer, oder leeren Sie den übergeordneten Anruf.</translation>
    </message>
    <message>
        <source>initiationMethod is Transfer but no parentVoiceCallId is given; give the parent call&apos;s id.</source>
        <translation>initiationMethod ist Transfer, aber es ist keine parentVoiceCallId angegeben; geben Sie die ID des übergeordneten Anrufs an.</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(leerer Inhalt)</translation>
    </message>
    <message>
        <source>The server said: %1.</source>
        <translation>Der Server meldete: %1.</translation>
    </message>
    <message>
        <source>HTTP %1, but the body is not the voiceCalls answer (no voiceCallId): %2</source>
        <translation>HTTP %1, aber der Inhalt ist nicht die voiceCalls-Antwort (keine voiceCallId): %2</translation>
    </message>
    <message>
        <source>VoiceCall %1 was created, but some fields were not set: %2</source>
        <translation>VoiceCall %1 wurde angelegt, aber einige Felder wurden nicht gesetzt: %2</translation>
    </message>
    <message>
        <source>VoiceCall %1 created (HTTP %2); for the UUI&apos;s callId use the 18-character %3.</source>
        <translation>VoiceCall %1 angelegt (HTTP %2); verwenden Sie für die callId der UUI die 18-stellige %3.</translation>
    </message>
    <message>
        <source>(not a valid id)</source>
        <translation>(keine gültige ID)</translation>
    </message>
    <message>
        <source>Body: %1</source>
        <translation>Inhalt: %1</translation>
    </message>
    <message>
        <source>The request body was refused (HTTP 400).</source>
        <translation>Der Anfrageinhalt wurde abgelehnt (HTTP 400).</translation>
    </message>
    <message>
        <source>The API token was not accepted (HTTP 401).</source>
        <translation>Das API-Token wurde nicht akzeptiert (HTTP 401).</translation>
    </message>
    <message>
        <source>Likely causes: the token expired or is dated in the future (check this computer&apos;s clock); iss is not the org id where the certificate is registered; sub is not the Call Center API name; the certificate of this key is not registered; or a jti was used twice.</source>
        <translation>Wahrscheinliche Ursachen: Das Token ist abgelaufen oder in die Zukunft datiert (prüfen Sie die Uhr dieses Computers); iss ist nicht die Org-ID, in der das Zertifikat registriert ist; sub ist nicht der Call-Center-API-Name; das Zertifikat dieses Schlüssels ist nicht registriert; oder eine jti wurde zweimal verwendet.</translation>
    </message>
    <message>
        <source>The request is not allowed (HTTP 403).</source>
        <translation>Die Anfrage ist nicht erlaubt (HTTP 403).</translation>
    </message>
    <message>
        <source>Likely causes: the certificate is registered for another call center or channel, or the org&apos;s telephony integration is not enabled for this user.</source>
        <translation>Wahrscheinliche Ursachen: Das Zertifikat ist für ein anderes Call Center oder einen anderen Kanal registriert, oder die Telefonie-Integration der Org ist für diesen Benutzer nicht aktiviert.</translation>
    </message>
    <message>
        <source>Nothing answers at this address (HTTP 404): check the SCRT2 domain and that the path is /telephony/v1/voiceCalls.</source>
        <translation>Unter dieser Adresse antwortet nichts (HTTP 404): Prüfen Sie die SCRT2-Domain und ob der Pfad /telephony/v1/voiceCalls lautet.</translation>
    </message>
    <message>
        <source>Rate limited (HTTP 429); wait and try again.</source>
        <translation>Ratenbegrenzung (HTTP 429); warten Sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server failed (HTTP %1); try again later.</source>
        <translation>Der Server ist fehlgeschlagen (HTTP %1); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Unexpected HTTP %1.</source>
        <translation>Unerwartetes HTTP %1.</translation>
    </message>
    <message>
        <source>The error body is not JSON; a proxy or a login page may be answering instead of SCRT2.</source>
        <translation>Der Fehlerinhalt ist kein JSON; vielleicht antwortet ein Proxy oder eine Anmeldeseite statt SCRT2.</translation>
    </message>
    <message>
        <source>The host %1 could not be found (DNS). Check the SCRT2 domain for typos, and that this computer can resolve it.</source>
        <translation>Der Host %1 wurde nicht gefunden (DNS). Prüfen Sie die SCRT2-Domain auf Tippfehler und ob dieser Computer sie auflösen kann.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Nothing was sent.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen: %2. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>No answer from %1 in time.</source>
        <translation>Keine rechtzeitige Antwort von %1.</translation>
    </message>
    <message>
        <source>%1 refused the connection: is the server (or the emulator) running on port %2?</source>
        <translation>%1 hat die Verbindung abgelehnt: Läuft der Server (oder der Emulator) auf Port %2?</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering. The request may or may not have created a VoiceCall; check before retrying.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen. Die Anfrage hat vielleicht einen VoiceCall angelegt, vielleicht auch nicht; prüfen Sie das vor einem erneuten Versuch.</translation>
    </message>
    <message>
        <source>The request to %1 failed: %2.</source>
        <translation>Die Anfrage an %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>The field name &quot;%1&quot; has spaces or invisible characters around it; remove them.</source>
        <translation>Vor oder nach dem Feldnamen „%1“ stehen Leerzeichen oder unsichtbare Zeichen; entfernen Sie sie.</translation>
    </message>
    <message>
        <source>(the answer gave no reason)</source>
        <translation>(die Antwort nannte keinen Grund)</translation>
    </message>
    <message>
        <source>No answer came, so nothing is known about the token: %1</source>
        <translation>Es kam keine Antwort, daher ist über das Token nichts bekannt: %1</translation>
    </message>
    <message>
        <source>the request did not complete.</source>
        <translation>die Anfrage wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>HTTP %1: the token was refused. The answer says: %2</source>
        <translation>HTTP %1: Das Token wurde abgelehnt. Die Antwort sagt: %2</translation>
    </message>
    <message>
        <source>HTTP %1: a VoiceCall was created (%2) although the probe&apos;s body left out the required fields. The probe promised to create no record: delete it in the org, and do not rely on the probe against this org. The token was accepted.</source>
        <translation>HTTP %1: Ein VoiceCall wurde angelegt (%2), obwohl der Body der Probe die Pflichtfelder wegließ. Die Probe versprach, keinen Datensatz anzulegen: Löschen Sie ihn in der Org, und verlassen Sie sich bei dieser Org nicht auf die Probe. Das Token wurde angenommen.</translation>
    </message>
    <message>
        <source>no id in the answer</source>
        <translation>keine ID in der Antwort</translation>
    </message>
    <message>
        <source>HTTP 400 naming the body field %1: the token was not refused, and no VoiceCall was created. This is inferred: Salesforce does not document whether it checks the token before the body. The answer says: %2</source>
        <translation>HTTP 400 mit dem Body-Feld %1: Das Token wurde nicht abgelehnt, und kein VoiceCall wurde angelegt. Das ist gefolgert: Salesforce dokumentiert nicht, ob es das Token vor dem Body prüft. Die Antwort sagt: %2</translation>
    </message>
    <message>
        <source>HTTP 400 that names no body field, so it does not tell whether the token was accepted. The answer says: %1</source>
        <translation>HTTP 400, das kein Body-Feld nennt; es zeigt also nicht, ob das Token angenommen wurde. Die Antwort sagt: %1</translation>
    </message>
    <message>
        <source>the address is not a voiceCalls endpoint: check the SCRT2 domain.</source>
        <translation>die Adresse ist kein voiceCalls-Endpunkt: Prüfen Sie die SCRT2-Domain.</translation>
    </message>
    <message>
        <source>the org&apos;s request limit was reached: run the probe again later.</source>
        <translation>das Anfragelimit der Org ist erreicht: Führen Sie die Probe später erneut aus.</translation>
    </message>
    <message>
        <source>the server failed: run the probe again later.</source>
        <translation>der Server ist fehlgeschlagen: Führen Sie die Probe später erneut aus.</translation>
    </message>
    <message>
        <source>an answer the probe does not know how to read.</source>
        <translation>eine Antwort, die die Probe nicht zu lesen weiß.</translation>
    </message>
    <message>
        <source>HTTP %1, %2 The token&apos;s fate is unknown. The answer says: %3</source>
        <translation>HTTP %1, %2 Was mit dem Token geschah, ist unbekannt. Die Antwort sagt: %3</translation>
    </message>
</context>
<context>
    <name>handoff::training</name>
    <message>
        <source>Training: %1</source>
        <translation>Schulung: %1</translation>
    </message>
    <message>
        <source>The UUI token, pasted into the flow.</source>
        <translation>Das UUI-Token, in den Flow eingefügt.</translation>
    </message>
    <message>
        <source>Caller number known?</source>
        <translation>Rufnummer des Anrufers bekannt?</translation>
    </message>
    <message>
        <source>Typographic quotes in a pasted UUI</source>
        <translation>Typografische Anführungszeichen in einer eingefügten UUI</translation>
    </message>
    <message>
        <source>Set UUI Data sends a UUI that is valid JSON.</source>
        <translation>Set UUI Data sendet eine UUI, die gültiges JSON ist.</translation>
    </message>
    <message>
        <source>The UUI in Set UUI Data was pasted from a document that turned its quotes into “ ”. Write straight double quotes (\&quot; inside the expression), or let the project&apos;s UUI template build it.</source>
        <translation>Die UUI in Set UUI Data wurde aus einem Dokument eingefügt, das ihre Anführungszeichen in „ “ verwandelt hat. Schreiben Sie gerade doppelte Anführungszeichen (\&quot; im Ausdruck), oder lassen Sie die UUI-Vorlage des Projekts sie bauen.</translation>
    </message>
    <message>
        <source>A 15-character callId</source>
        <translation>Eine 15-stellige callId</translation>
    </message>
    <message>
        <source>The UUI&apos;s callId is the 18-character VoiceCall id.</source>
        <translation>Die callId der UUI ist die 18-stellige VoiceCall-ID.</translation>
    </message>
    <message>
        <source>The voiceCalls API answers with a 15-character id; Salesforce wants the case-safe 18-character form in the UUI. The UUI page (or `handoff id convert`) gives it.</source>
        <translation>Die voiceCalls-API antwortet mit einer 15-stelligen ID; Salesforce erwartet in der UUI die groß-/kleinschreibungssichere 18-stellige Form. Die UUI-Seite (oder `handoff id convert`) liefert sie.</translation>
    </message>
    <message>
        <source>A sub claim for a customer type without it</source>
        <translation>Ein sub-Claim für einen Kundentyp ohne sub</translation>
    </message>
    <message>
        <source>The UUI token has no sub, as this org&apos;s customer type needs.</source>
        <translation>Das UUI-Token hat kein sub, wie es der Kundentyp dieser Org verlangt.</translation>
    </message>
    <message>
        <source>The org is not a Salesforce Voice with Telephony Providers customer, so its tokens leave sub out. The token pasted into Flow.uuiToken has one: mint it again without sub, or let the project mint it (the variable&apos;s supplier).</source>
        <translation>Die Org ist kein Kunde von Salesforce Voice with Telephony Providers, daher lassen ihre Tokens sub weg. Das in Flow.uuiToken eingefügte Token hat eines: Erzeugen Sie es ohne sub neu, oder lassen Sie es vom Projekt erzeugen (der Lieferant der Variable).</translation>
    </message>
    <message>
        <source>A UUI token valid for over 24 hours</source>
        <translation>Ein UUI-Token, das länger als 24 Stunden gilt</translation>
    </message>
    <message>
        <source>The UUI token expires at most 24 hours after it is issued.</source>
        <translation>Das UUI-Token läuft höchstens 24 Stunden nach seiner Ausstellung ab.</translation>
    </message>
    <message>
        <source>Salesforce refuses a token whose exp is more than 24 hours after its iat. Set the UUI token&apos;s lifetime on the Token page to 24 hours or less.</source>
        <translation>Salesforce lehnt ein Token ab, dessen exp mehr als 24 Stunden nach seinem iat liegt. Setzen Sie die Lebensdauer des UUI-Tokens auf der Token-Seite auf 24 Stunden oder weniger.</translation>
    </message>
    <message>
        <source>A UUI header over the limit</source>
        <translation>Ein UUI-Header über dem Limit</translation>
    </message>
    <message>
        <source>The UUI fits the trunk&apos;s limit of 1,024.</source>
        <translation>Die UUI passt in das Limit des Trunks von 1.024.</translation>
    </message>
    <message>
        <source>Custom parameters made the UUI too long. The UUI page&apos;s budget lists the ways out, best saving first: leave out what the Omni-Channel flow can look up itself.</source>
        <translation>Eigene Parameter haben die UUI zu lang gemacht. Das Budget auf der UUI-Seite listet die Auswege, die größte Ersparnis zuerst: Lassen Sie weg, was der Omni-Channel-Flow selbst nachschlagen kann.</translation>
    </message>
    <message>
        <source>A data action input named orgId</source>
        <translation>Eine Datenaktions-Eingabe namens orgId</translation>
    </message>
    <message>
        <source>No Call Data Action input uses a name Genesys reserves.</source>
        <translation>Keine Eingabe der Call Data Action verwendet einen von Genesys reservierten Namen.</translation>
    </message>
    <message>
        <source>Genesys reserves orgId, integrationId and rawRequest in data action contracts; the help article&apos;s sample uses orgId. Rename the input of the Call Data Action (for example salesforceOrgId).</source>
        <translation>Genesys reserviert orgId, integrationId und rawRequest in Datenaktions-Verträgen; das Beispiel des Hilfeartikels verwendet orgId. Benennen Sie die Eingabe der Call Data Action um (zum Beispiel salesforceOrgId).</translation>
    </message>
    <message>
        <source>A transfer without Set UUI Data on one path</source>
        <translation>Ein Transfer ohne Set UUI Data auf einem Pfad</translation>
    </message>
    <message>
        <source>Every path to Transfer to Number sets the UUI for transfers.</source>
        <translation>Jeder Pfad zu Transfer to Number setzt die UUI für Transfers.</translation>
    </message>
    <message>
        <source>Set UUI Data sits on the &quot;yes&quot; path of a Decision, so a call taking &quot;no&quot; is transferred without a UUI. Move Set UUI Data out of the Decision, before the transfer.</source>
        <translation>Set UUI Data liegt auf dem „yes“-Pfad einer Decision, daher wird ein Anruf auf „no“ ohne UUI übergeben. Verschieben Sie Set UUI Data aus der Decision heraus vor den Transfer.</translation>
    </message>
    <message>
        <source>No Set Post-Flow</source>
        <translation>Kein Set Post-Flow</translation>
    </message>
    <message>
        <source>When the Agentforce agent hangs up, the caller goes on to the escalation flow.</source>
        <translation>Wenn der Agentforce-Agent auflegt, geht der Anrufer weiter in den Eskalations-Flow.</translation>
    </message>
    <message>
        <source>Without Set Post-Flow (Target: Caller) before the transfer, an escalation drops the caller. Add it before Transfer to Number.</source>
        <translation>Ohne Set Post-Flow (Target: Caller) vor dem Transfer verliert eine Eskalation den Anrufer. Fügen Sie es vor Transfer to Number ein.</translation>
    </message>
    <message>
        <source>A Decision whose &quot;no&quot; path is not handled</source>
        <translation>Eine Decision, deren „no“-Pfad nicht behandelt wird</translation>
    </message>
    <message>
        <source>A call without a VoiceCall id is told so and disconnected.</source>
        <translation>Ein Anruf ohne VoiceCall-ID erhält einen Hinweis und wird getrennt.</translation>
    </message>
    <message>
        <source>The Decision &quot;VoiceCall created?&quot; has nothing on its &quot;no&quot; path and nothing follows it, so such a call falls out of the flow. Put a Jump to Reusable Task (Failure handling) or a Disconnect there.</source>
        <translation>Die Decision „VoiceCall created?“ hat nichts auf ihrem „no“-Pfad, und nichts folgt ihr, daher fällt ein solcher Anruf aus dem Flow. Setzen Sie dort ein Jump to Reusable Task (Failure handling) oder ein Disconnect ein.</translation>
    </message>
    <message>
        <source>There is no exercise &quot;%1&quot;. The exercises are: %2.</source>
        <translation>Es gibt keine Übung „%1“. Die Übungen sind: %2.</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>Bestanden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not yet: %n problem(s) of this exercise remain.</source>
        <translation>
            <numerusform>Noch nicht: %n Problem dieser Übung bleibt.</numerusform>
            <numerusform>Noch nicht: %n Probleme dieser Übung bleiben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not yet: the exercise&apos;s problem is gone, but the change caused %n new error(s).</source>
        <translation>
            <numerusform>Noch nicht: Das Problem der Übung ist behoben, aber die Änderung hat %n neuen Fehler verursacht.</numerusform>
            <numerusform>Noch nicht: Das Problem der Übung ist behoben, aber die Änderung hat %n neue Fehler verursacht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder %1 cannot be made; choose another one.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>%1 exists already and was left as it is. Check it, or choose another folder to start the exercise again.</source>
        <translation>%1 existiert bereits und wurde so belassen. Prüfen Sie es, oder wählen Sie einen anderen Ordner, um die Übung neu zu beginnen.</translation>
    </message>
    <message>
        <source>An expired UUI token</source>
        <translation>Ein abgelaufenes UUI-Token</translation>
    </message>
    <message>
        <source>The UUI token is still valid when the call is transferred.</source>
        <translation>Das UUI-Token ist beim Transfer des Anrufs noch gültig.</translation>
    </message>
    <message>
        <source>The token pasted into Flow.uuiToken expired yesterday, so Salesforce refuses every transfer. Mint a fresh one on the Token page and paste it, or let the project mint it (the variable&apos;s supplier).</source>
        <translation>Das in Flow.uuiToken eingefügte Token ist gestern abgelaufen, daher lehnt Salesforce jeden Transfer ab. Stellen Sie auf der Seite Token ein neues aus und fügen Sie es ein, oder lassen Sie das Projekt es ausstellen (der Lieferant der Variablen).</translation>
    </message>
</context>
<context>
    <name>handoff::training::HelpDocs</name>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>The documentation is not installed. It is part of the handoff-studio package (/usr/share/doc/handoff-studio); set HANDOFF_DOCS_DIR to a folder with it.</source>
        <translation>Die Dokumentation ist nicht installiert. Sie ist Teil des Pakets handoff-studio (/usr/share/doc/handoff-studio); setzen Sie HANDOFF_DOCS_DIR auf einen Ordner, der sie enthält.</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. Open the file with a text editor or a browser.</source>
        <translation>Kein Programm auf diesem Computer öffnet %1. Öffnen Sie die Datei mit einem Texteditor oder einem Browser.</translation>
    </message>
    <message>
        <source>&amp;Training and first steps</source>
        <translation>&amp;Schulung und erste Schritte</translation>
    </message>
    <message>
        <source>&amp;Diagnostic codes</source>
        <translation>&amp;Diagnosecodes</translation>
    </message>
    <message>
        <source>The inbound &amp;flow</source>
        <translation>Der eingehende &amp;Flow</translation>
    </message>
    <message>
        <source>The UUI header &amp;budget</source>
        <translation>Das &amp;Budget des UUI-Headers</translation>
    </message>
    <message>
        <source>All d&amp;ocumentation (folder)</source>
        <translation>Gesamte D&amp;okumentation (Ordner)</translation>
    </message>
</context>
<context>
    <name>handoff::training::StartDialog</name>
    <message>
        <source>Welcome to Handoff Studio</source>
        <translation>Willkommen bei Handoff Studio</translation>
    </message>
    <message>
        <source>Handoff Studio designs and checks the SIP handoff from a Genesys Cloud flow to an Agentforce Voice agent. How do you want to start?</source>
        <translation>Handoff Studio entwirft und prüft die SIP-Übergabe von einem Genesys-Cloud-Flow an einen Agentforce-Voice-Agenten. Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>&amp;Beispielprojekt öffnen</translation>
    </message>
    <message>
        <source>Start the &amp;training</source>
        <translation>&amp;Schulung beginnen</translation>
    </message>
    <message>
        <source>&amp;Open a project file...</source>
        <translation>Projektdatei ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Recent projects:</source>
        <translation>&amp;Zuletzt verwendete Projekte:</translation>
    </message>
    <message>
        <source>Open r&amp;ecent</source>
        <translation>Zuletzt verwendetes &amp;öffnen</translation>
    </message>
    <message>
        <source>New project from the help article&apos;s template</source>
        <translation>Neues Projekt aus der Vorlage des Hilfeartikels</translation>
    </message>
    <message>
        <source>Acme inbound voice</source>
        <translation>Acme eingehende Anrufe</translation>
    </message>
    <message>
        <source>00D... (Setup &gt; Company Information)</source>
        <translation>00D... (Setup &gt; Unternehmensinformationen)</translation>
    </message>
    <message>
        <source>mycompany.my.salesforce-scrt.com</source>
        <translation>meinefirma.my.salesforce-scrt.com</translation>
    </message>
    <message>
        <source>The Call Center API name</source>
        <translation>Der API-Name des Call Centers</translation>
    </message>
    <message>
        <source>Project &amp;name:</source>
        <translation>Projekt&amp;name:</translation>
    </message>
    <message>
        <source>Org &amp;id:</source>
        <translation>Org-&amp;ID:</translation>
    </message>
    <message>
        <source>SCRT2 &amp;domain:</source>
        <translation>SCRT2-&amp;Domain:</translation>
    </message>
    <message>
        <source>&amp;Call Center API name:</source>
        <translation>&amp;Call-Center-API-Name:</translation>
    </message>
    <message>
        <source>Customer &amp;type:</source>
        <translation>Kunden&amp;typ:</translation>
    </message>
    <message>
        <source>Create &amp;project</source>
        <translation>&amp;Projekt anlegen</translation>
    </message>
    <message>
        <source>Show this screen when Handoff Studio starts without a project</source>
        <translation>Diesen Bildschirm zeigen, wenn Handoff Studio ohne Projekt startet</translation>
    </message>
    <message>
        <source>Start with an &amp;empty project</source>
        <translation>Mit &amp;leerem Projekt beginnen</translation>
    </message>
    <message>
        <source>Enter the org id, the SCRT2 domain and the Call Center API name.</source>
        <translation>Geben Sie die Org-ID, die SCRT2-Domain und den API-Namen des Call Centers ein.</translation>
    </message>
    <message>
        <source>See the problems below the form.</source>
        <translation>Siehe die Probleme unter dem Formular.</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
</context>
<context>
    <name>handoff::training::TrainingPage</name>
    <message>
        <source>Each exercise opens a project broken the way handoffs break in production. Fix it on the other pages, then come back and check it. Your progress is kept.</source>
        <translation>Jede Übung öffnet ein Projekt, das so defekt ist, wie Übergaben im Betrieb ausfallen. Beheben Sie den Fehler auf den anderen Seiten, kommen Sie dann zurück und prüfen Sie ihn. Ihr Fortschritt wird gespeichert.</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>Hinweis:</translation>
    </message>
    <message>
        <source>Codes:</source>
        <translation>Codes:</translation>
    </message>
    <message>
        <source>Open project:</source>
        <translation>Offenes Projekt:</translation>
    </message>
    <message>
        <source>&amp;Start exercise</source>
        <translation>Übung &amp;beginnen</translation>
    </message>
    <message>
        <source>&amp;Check my fix</source>
        <translation>Meine Lösung &amp;prüfen</translation>
    </message>
    <message>
        <source>Problems left</source>
        <translation>Verbleibende Probleme</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Schulung</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>started</source>
        <translation>begonnen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 exercises passed.</source>
        <translation>%1 von %2 Übungen bestanden.</translation>
    </message>
    <message>
        <source>No exercise is open; Check uses the exercise selected in the list.</source>
        <translation>Keine Übung ist geöffnet; Prüfen verwendet die in der Liste gewählte Übung.</translation>
    </message>
    <message>
        <source>Started. The problems are in the Problems dock and on the pages; fix them, then check.</source>
        <translation>Begonnen. Die Probleme stehen im Problembereich und auf den Seiten; beheben Sie sie, dann prüfen Sie.</translation>
    </message>
</context>
<context>
    <name>handoff::uui</name>
    <message>
        <source>The trunk sends the UUI as ascii. Salesforce documents hex; use ascii only if the receiving side accepts it. In ascii the JSON&apos;s commas and quotes travel unescaped, and a SIP parser may split the value at a comma.</source>
        <translation>Der Trunk sendet die UUI als ascii. Salesforce dokumentiert hex; verwenden Sie ascii nur, wenn die Empfängerseite es annimmt. In ascii werden Kommas und Anführungszeichen des JSON unmaskiert übertragen, und ein SIP-Parser teilt den Wert womöglich an einem Komma.</translation>
    </message>
    <message>
        <source>The UUI has a character at byte %1 that ascii encoding cannot carry in a SIP header (non-ASCII, control character or &apos;;&apos;); use hex encoding or remove the character.</source>
        <translation>Die UUI hat bei Byte %1 ein Zeichen, das die ascii-Kodierung in einem SIP-Header nicht übertragen kann (Nicht-ASCII-, Steuerzeichen oder &apos;;&apos;); verwenden Sie hex-Kodierung oder entfernen Sie das Zeichen.</translation>
    </message>
    <message>
        <source>The protocol discriminator 0x%1 is not a printable character, so it cannot be sent as a prefix in ascii; send it as a pd= parameter or not at all.</source>
        <translation>Der Protocol Discriminator 0x%1 ist kein druckbares Zeichen und kann daher in ascii nicht als Präfix gesendet werden; senden Sie ihn als pd=-Parameter oder gar nicht.</translation>
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
        <source>The UUI header is %1 %2 on %3, %4 over the limit of %5 (%6 encoding). Apply one of the ways out.</source>
        <translation>Der UUI-Header hat %1 %2 (gemessen: %3), %4 über dem Limit von %5 (Kodierung %6). Wenden Sie einen der Auswege an.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The header fits the limit of %1 measured on %2, but not if Salesforce measures %3. Where the limit applies is not documented; make room if you can.</source>
        <translation>Der Header passt in das Limit von %1 (gemessen: %2), aber nicht, wenn Salesforce Folgendes misst: %3. Worauf sich das Limit bezieht, ist nicht dokumentiert; schaffen Sie Platz, wenn Sie können.</translation>
    </message>
    <message>
        <source>%1: saves %2 %3 (%4 -&gt; %5 of %6)%7</source>
        <translation>%1: spart %2 %3 (%4 -&gt; %5 von %6)%7</translation>
    </message>
    <message>
        <source>, fits</source>
        <translation>, passt</translation>
    </message>
    <message>
        <source>, still over</source>
        <translation>, noch zu lang</translation>
    </message>
    <message>
        <source>Leave orgId out: Salesforce takes the org from the token&apos;s issuer</source>
        <translation>orgId weglassen: Salesforce entnimmt die Org dem Aussteller des Tokens</translation>
    </message>
    <message>
        <source>Leave the custom parameter &quot;%1&quot; out, or shorten its value</source>
        <translation>Den eigenen Parameter „%1“ weglassen oder seinen Wert kürzen</translation>
    </message>
    <message>
        <source>Leave callId out (the Omni-Channel flow then gets no partnerVoiceCallId)</source>
        <translation>callId weglassen (der Omni-Channel-Flow erhält dann keine partnerVoiceCallId)</translation>
    </message>
    <message>
        <source>Leave %1 out, or shorten it</source>
        <translation>%1 weglassen oder kürzen</translation>
    </message>
    <message>
        <source>A 1024-bit RSA key instead of %1 bits gives a shorter signature, but Salesforce is dropping 1024-bit keys; not recommended</source>
        <translation>Ein 1024-Bit-RSA-Schlüssel statt %1 Bit ergibt eine kürzere Signatur, aber Salesforce schafft 1024-Bit-Schlüssel ab; nicht empfohlen</translation>
    </message>
    <message>
        <source> (RS256 with a %1-bit key)</source>
        <translation> (RS256 mit einem %1-Bit-Schlüssel)</translation>
    </message>
    <message>
        <source>the whole header line</source>
        <translation>die ganze Header-Zeile</translation>
    </message>
    <message>
        <source>the header value</source>
        <translation>der Header-Wert</translation>
    </message>
    <message>
        <source>the decoded data</source>
        <translation>die dekodierten Daten</translation>
    </message>
    <message>
        <source>The header name &quot;%1&quot; is not one the trunk offers; choose User-to-User or X-User-to-User.</source>
        <translation>Der Header-Name „%1“ wird vom Trunk nicht angeboten; wählen Sie User-to-User oder X-User-to-User.</translation>
    </message>
    <message>
        <source>The header limit must be a positive number of characters (Salesforce states 1,024).</source>
        <translation>Das Header-Limit muss eine positive Anzahl Zeichen sein (Salesforce nennt 1.024).</translation>
    </message>
    <message>
        <source>The header parameter &quot;%1&quot; is not of the form name=value; correct or remove it.</source>
        <translation>Der Header-Parameter „%1“ hat nicht die Form name=wert; korrigieren oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; is set by the encoding and PD settings; remove it from the extra parameters.</source>
        <translation>Der Parameter „%1“ wird durch die Einstellungen für Kodierung und PD gesetzt; entfernen Sie ihn aus den weiteren Parametern.</translation>
    </message>
    <message>
        <source>Custom parameter %1 has no key; name it or remove it.</source>
        <translation>Eigener Parameter %1 hat keinen Schlüssel; benennen oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>The custom parameter key &quot;%1&quot; is already used; the receiver would see it twice. Rename it.</source>
        <translation>Der Schlüssel „%1“ des eigenen Parameters wird schon verwendet; der Empfänger würde ihn doppelt sehen. Benennen Sie ihn um.</translation>
    </message>
    <message>
        <source>The custom parameter &quot;%1&quot; differs from the standard key &quot;%2&quot; only in case; Salesforce reads keys case-sensitively. Use the standard field, or choose another key.</source>
        <translation>Der eigene Parameter „%1“ unterscheidet sich vom Standardschlüssel „%2“ nur in der Groß-/Kleinschreibung; Salesforce unterscheidet bei Schlüsseln die Schreibweise. Verwenden Sie das Standardfeld oder wählen Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>orgId is missing and there is no token to take the org from; add your 15-character org id (00D...).</source>
        <translation>orgId fehlt, und es gibt kein Token, aus dem die Org entnommen werden kann; fügen Sie Ihre 15-stellige Org-ID (00D...) hinzu.</translation>
    </message>
    <message>
        <source>orgId is empty; leave it out (the token names the org) or fill it in.</source>
        <translation>orgId ist leer; lassen Sie es weg (das Token nennt die Org) oder füllen Sie es aus.</translation>
    </message>
    <message>
        <source>orgId &quot;%1&quot; is not a Salesforce id: %2</source>
        <translation>orgId „%1“ ist keine Salesforce-ID: %2</translation>
    </message>
    <message>
        <source>orgId &quot;%1&quot; starts with &quot;%2&quot;, but org ids start with 00D. Copy the org id from Setup &gt; Company Information.</source>
        <translation>orgId „%1“ beginnt mit „%2“, aber Org-IDs beginnen mit 00D. Kopieren Sie die Org-ID aus Setup &gt; Unternehmensinformationen.</translation>
    </message>
    <message>
        <source>orgId has 18 characters; the UUI wants the 15-character form &quot;%1&quot;.</source>
        <translation>orgId hat 18 Zeichen; die UUI erwartet die 15-stellige Form „%1“.</translation>
    </message>
    <message>
        <source>scrt2Domain is missing; add the org&apos;s SCRT2 domain, such as mycompany.my.salesforce-scrt.com.</source>
        <translation>scrt2Domain fehlt; fügen Sie die SCRT2-Domain der Org hinzu, etwa mycompany.my.salesforce-scrt.com.</translation>
    </message>
    <message>
        <source>scrt2Domain is %1 bytes; Salesforce allows at most 128.</source>
        <translation>scrt2Domain hat %1 Byte; Salesforce erlaubt höchstens 128.</translation>
    </message>
    <message>
        <source>scrt2Domain &quot;%1&quot; is a sandbox domain; use the production domain when you go live.</source>
        <translation>scrt2Domain „%1“ ist eine Sandbox-Domain; verwenden Sie beim Go-live die Produktions-Domain.</translation>
    </message>
    <message>
        <source>scrt2Domain must be the bare domain without scheme or path; use &quot;%1&quot;.</source>
        <translation>scrt2Domain muss die reine Domain ohne Schema oder Pfad sein; verwenden Sie „%1“.</translation>
    </message>
    <message>
        <source>scrt2Domain &quot;%1&quot; does not have the form &lt;name&gt;.my.salesforce-scrt.com; copy it from the org&apos;s Contact Center settings.</source>
        <translation>scrt2Domain „%1“ hat nicht die Form &lt;name&gt;.my.salesforce-scrt.com; kopieren Sie sie aus den Contact-Center-Einstellungen der Org.</translation>
    </message>
    <message>
        <source>token is missing; add the signed JWT (RS256).</source>
        <translation>token fehlt; fügen Sie das signierte JWT (RS256) hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>The token contains %n space(s) or line break(s), the first at character %1; a JWT has none. Paste the token again in one piece.</source>
        <translation>
            <numerusform>Das Token enthält %n Leerzeichen oder Zeilenumbruch, bei Zeichen %1; ein JWT hat keine. Fügen Sie das Token erneut in einem Stück ein.</numerusform>
            <numerusform>Das Token enthält %n Leerzeichen oder Zeilenumbrüche, das erste bei Zeichen %1; ein JWT hat keine. Fügen Sie das Token erneut in einem Stück ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>The token contains the placeholder text &quot;%1&quot;; this is a sample, not a signed token. Put a real token here (handoff jwt sign).</source>
        <translation>Das Token enthält den Platzhaltertext „%1“; das ist ein Beispiel, kein signiertes Token. Setzen Sie hier ein echtes Token ein (handoff jwt sign).</translation>
    </message>
    <message numerus="yes">
        <source>The token has %n part(s) separated by dots; a JWT has three (header.payload.signature).</source>
        <translation>
            <numerusform>Das Token hat nur %n Teil (keine Punkte); ein JWT hat drei durch Punkte getrennte Teile (header.payload.signature).</numerusform>
            <numerusform>Das Token hat %n durch Punkte getrennte Teile; ein JWT hat drei (header.payload.signature).</numerusform>
        </translation>
    </message>
    <message>
        <source>Part %1 of the token is not base64url (letters, digits, &apos;-&apos; and &apos;_&apos; only).</source>
        <translation>Teil %1 des Tokens ist kein base64url (nur Buchstaben, Ziffern, &apos;-&apos; und &apos;_&apos;).</translation>
    </message>
    <message>
        <source>The token&apos;s %1 does not decode to a JSON object; this is not a JWT.</source>
        <translation>Teil „%1“ des Tokens ergibt dekodiert kein JSON-Objekt; das ist kein JWT.</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>The token was issued by org &quot;%1&quot; (iss), but orgId is &quot;%2&quot;. Sign the token for this org, or fix orgId.</source>
        <translation>Das Token wurde von der Org „%1“ ausgestellt (iss), aber orgId ist „%2“. Signieren Sie das Token für diese Org oder korrigieren Sie orgId.</translation>
    </message>
    <message>
        <source>The token expired at %1 (UTC), %2 ago; sign a new one.</source>
        <translation>Das Token ist am %1 (UTC) abgelaufen, vor %2; signieren Sie ein neues.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>callId is empty; leave it out or set the VoiceCall id.</source>
        <translation>callId ist leer; lassen Sie es weg oder setzen Sie die VoiceCall-ID.</translation>
    </message>
    <message>
        <source>callId &quot;%1&quot; is not a Salesforce id: %2</source>
        <translation>callId „%1“ ist keine Salesforce-ID: %2</translation>
    </message>
    <message>
        <source>callId &quot;%1&quot; is the 15-character form; use the 18-character &quot;%2&quot;.</source>
        <translation>callId „%1“ hat die 15-stellige Form; verwenden Sie die 18-stellige „%2“.</translation>
    </message>
    <message>
        <source>callId &quot;%1&quot; starts with &quot;%2&quot;; VoiceCall ids start with 0LQ. Use the id the voiceCalls API returned.</source>
        <translation>callId „%1“ beginnt mit „%2“; VoiceCall-IDs beginnen mit 0LQ. Verwenden Sie die ID, die die voiceCalls-API zurückgegeben hat.</translation>
    </message>
    <message>
        <source>transactionId is empty; leave it out or give it a value.</source>
        <translation>transactionId ist leer; lassen Sie es weg oder geben Sie einen Wert an.</translation>
    </message>
    <message>
        <source>Typographic quote %1 (U+%2) at line %3, column %4; JSON needs a straight double quote &quot;. Use the repaired text, or turn off smart quotes where you edit the UUI.</source>
        <translation>Typografisches Anführungszeichen %1 (U+%2) in Zeile %3, Spalte %4; JSON braucht ein gerades doppeltes Anführungszeichen &quot;. Verwenden Sie den reparierten Text, oder schalten Sie die automatischen Anführungszeichen dort aus, wo Sie die UUI bearbeiten.</translation>
    </message>
    <message>
        <source>The UUI is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Die UUI ist kein gültiges JSON: %1 in Zeile %2, Spalte %3.</translation>
    </message>
    <message>
        <source>The UUI must be one JSON object {&quot;key&quot;: &quot;value&quot;, ...}.</source>
        <translation>Die UUI muss ein einziges JSON-Objekt {&quot;key&quot;: &quot;value&quot;, ...} sein.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; appears more than once; the receiver may read either value. Keep one.</source>
        <translation>Der Schlüssel „%1“ kommt mehrmals vor; der Empfänger liest womöglich einen beliebigen der Werte. Behalten Sie einen.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; should be spelt &quot;%2&quot;; Salesforce reads keys case-sensitively.</source>
        <translation>Der Schlüssel „%1“ sollte „%2“ geschrieben werden; Salesforce unterscheidet bei Schlüsseln die Groß-/Kleinschreibung.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is not a standard key; did you mean &quot;%2&quot;?</source>
        <translation>Der Schlüssel „%1“ ist kein Standardschlüssel; meinten Sie „%2“?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key Salesforce defines; it reaches the inbound Omni-Channel flow as a parameter.</source>
        <translation>„%1“ ist kein von Salesforce definierter Schlüssel; er erreicht den eingehenden Omni-Channel-Flow als Parameter.</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is not a string; put it in double quotes.</source>
        <translation>Der Wert von „%1“ ist kein String; setzen Sie ihn in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>The UUI has %1 bytes of spaces and line breaks between its fields; they are sent too. The compact form is %2 bytes instead of %3.</source>
        <translation>Die UUI hat %1 Byte Leerzeichen und Zeilenumbrüche zwischen ihren Feldern; sie werden mitgesendet. Die kompakte Form hat %2 statt %3 Byte.</translation>
    </message>
    <message>
        <source>The UUI data is %1 bytes and fits the limit of %2, measured on the decoded data. The header line is %3 characters (the value %4); if an SBC or proxy on the path limits header length, check that it lets a header this long through. Only a real transfer proves it.</source>
        <translation>Die UUI-Daten haben %1 Byte und passen ins Limit von %2, gemessen an den dekodierten Daten. Die Headerzeile hat %3 Zeichen (der Wert %4); falls ein SBC oder Proxy auf dem Weg die Headerlänge begrenzt, prüfen Sie, ob er einen so langen Header durchlässt. Nur eine echte Weiterleitung beweist es.</translation>
    </message>
    <message>
        <source>, under the limit, but the UUI still has an error in this trunk profile</source>
        <translation>, unter dem Limit, aber die UUI hat in diesem Trunk-Profil noch einen Fehler</translation>
    </message>
    <message>
        <source>Even with only scrt2Domain and the token the UUI is %1 %2, over the limit of %3: the token alone takes %4 characters in %5%6. No field left out makes it fit with this key size; only a smaller key changes that.</source>
        <translation>Selbst nur mit scrt2Domain und dem Token hat die UUI %1 %2, über dem Limit von %3: Das Token allein braucht %4 Zeichen in %5%6. Kein weggelassenes Feld lässt sie mit dieser Schlüsselgröße passen; nur ein kleinerer Schlüssel ändert das.</translation>
    </message>
    <message>
        <source>callId is in the UUI, and the customer type is Salesforce Voice with Telephony Providers. Salesforce&apos;s field table says callId is for the other customer types only, while its Genesys steps always create a VoiceCall and pass its id. Keep it, and check with a test call that the Omni-Channel flow gets partnerVoiceCallId.</source>
        <translation>callId steht in der UUI, und der Kundentyp ist Salesforce Voice with Telephony Providers. Die Feldtabelle von Salesforce nennt callId nur für die anderen Kundentypen, während die Genesys-Schritte von Salesforce stets einen VoiceCall anlegen und seine ID übergeben. Behalten Sie es und prüfen Sie mit einem Testanruf, ob der Omni-Channel-Flow partnerVoiceCallId erhält.</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
