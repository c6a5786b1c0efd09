import Integrations
import Testing

/// The text a person typed, without the quoted history or the signature, in French and English mail clients' shapes.
@Suite("Inbound mail — reply text")
struct ReplyTextTests {
    @Test(arguments: [
        ("Yes please\n\nOn Mon, Mar 2, 2026 at 10:00 AM Shop <hello@shop.example> wrote:\n> Hello", "Yes please"),
        ("Yes please\n\nOn Mon, Mar 2, 2026 at 10:00 AM Shop <\nhello@shop.example> wrote:\n> Hello", "Yes please"),
        ("Avec plaisir\n\nLe lun. 2 mars 2026 à 10:00, Boutique <hello@shop.example> a écrit :\n> Bonjour", "Avec plaisir"),
        ("Avec plaisir\nLe 02/03/2026 à 10:00, Boutique a écrit:\n> Bonjour", "Avec plaisir"),
        ("Merci !\n-- \nJulie Martin\nGérante", "Merci !"),
        ("Thanks\n\n-----Original Message-----\nFrom: Shop\nSent: Monday", "Thanks"),
        ("Merci\n\nDe : Boutique <hello@shop.example>\nEnvoyé : lundi 2 mars 2026 10:00\nÀ : Julie", "Merci"),
        ("OK pour moi\n\nEnvoyé de mon iPhone", "OK pour moi"),
        ("Oui\n> quoted line\nAnd more", "Oui\nAnd more"),
        ("Line one\r\nLine two\r\n", "Line one\nLine two"),
    ])
    func stripsHistoryAndSignature(text: String, expected: String) {
        #expect(ReplyText.strip(text) == expected)
    }

    @Test func aReplyStartingWithLeOrOnIsKept() {
        #expect(ReplyText.strip("Le devis me va.\nOn en parle demain ?") == "Le devis me va.\nOn en parle demain ?")
    }
}
