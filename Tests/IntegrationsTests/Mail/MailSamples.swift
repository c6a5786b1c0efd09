/// Emails as they arrive in a shop's mailbox, written for these tests in the shapes the RFCs and the common servers use.
enum MailSamples {
    static let original = """
        Date: Tue, 3 Mar 2026 10:00:00 +0000
        From: Boutique Elise <hello@boutique.example>
        To: amina@example.fr
        Subject: Votre panier vous attend
        Message-ID: <3f2a9c@boutique.example>
        X-Autopilot-Message-ID: ob_amina_1
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        """

    /// A Postfix-style RFC 3464 report for a mailbox that does not exist, sent to the VERP address.
    static func hardBounce(to envelope: String = "bounce+ob_amina_1@boutique.example", status: String = "5.1.1", action: String = "failed") -> String {
        """
        Return-Path: <>
        Delivered-To: \(envelope)
        Date: Tue, 3 Mar 2026 10:00:05 +0000 (UTC)
        From: MAILER-DAEMON@mx.boutique.example (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: \(envelope)
        Auto-Submitted: auto-replied
        Message-ID: <20260303100005.AB12@mx.boutique.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        \tboundary="B0UND.1"

        This is a MIME-encapsulated message.

        --B0UND.1
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        --B0UND.1
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.boutique.example
        Arrival-Date: Tue,  3 Mar 2026 10:00:01 +0000 (UTC)

        Final-Recipient: rfc822; amina@example.fr
        Original-Recipient: rfc822;amina@example.fr
        Action: \(action)
        Status: \(status)
        Remote-MTA: dns; mx.example.fr
        Diagnostic-Code: smtp; 550 \(status) <amina@example.fr>: Recipient address
            rejected: User unknown in virtual mailbox table

        --B0UND.1
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        \(original)

        --B0UND.1--

        """
    }

    /// An ARF report (RFC 5965) from a mailbox provider's feedback loop.
    static let complaint = """
        From: fbl@mailbox-provider.example
        To: abuse@boutique.example
        Subject: Abuse report
        Message-ID: <fbl-991@mailbox-provider.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="part_arf"

        --part_arf
        Content-Type: text/plain; charset="US-ASCII"

        This is an email abuse report for an email message received from IP 192.0.2.1.

        --part_arf
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: SomeGenerator/1.0
        Version: 1
        Original-Mail-From: <bounce+ob_amina_1@boutique.example>
        Original-Rcpt-To: <amina@example.fr>
        Arrival-Date: Tue, 3 Mar 2026 10:00:02 +0000

        --part_arf
        Content-Type: message/rfc822
        Content-Disposition: inline

        \(original)

        Bonjour Amina
        --part_arf--

        """

    /// A reply from Gmail in French: multipart/alternative, quoted-printable, the history quoted below the attribution line.
    static let frenchReply = """
        From: Amina Benali <amina@example.fr>
        To: Boutique Elise <hello@boutique.example>
        Subject: =?UTF-8?Q?Re=3A_Votre_panier_vous_attend?=
        Date: Wed, 4 Mar 2026 12:00:00 +0100
        Message-ID: <CAF=reply42@mail.example.fr>
        In-Reply-To: <3f2a9c@boutique.example>
        References: <older@boutique.example> <3f2a9c@boutique.example>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="000000000000abcd"

        --000000000000abcd
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Oui, je passe commande ce soir. Le code marche-t-il sur les soldes =3F

        Merci =C3=A0 vous,
        Amina

        Le mar. 3 mars 2026 =C3=A0 11:00, Boutique Elise <hello@boutique.example> a =
        =C3=A9crit :

        > Bonjour Amina,
        > Votre panier vous attend.

        --000000000000abcd
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">Oui, je passe commande ce soir.</div><blockquote>Bonjour</blockquote>

        --000000000000abcd--

        """

    static let outOfOffice = """
        From: Amina Benali <amina@example.fr>
        To: hello@boutique.example
        Subject: Absence du bureau
        Auto-Submitted: auto-replied
        Message-ID: <ooo-1@mail.example.fr>
        In-Reply-To: <3f2a9c@boutique.example>

        Je suis absente jusqu'au 10 mars.

        """
}
