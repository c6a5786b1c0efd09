import Engine
import Testing

@Suite("AI — guard rails of personalised copy")
struct CopyGuardRailsTests {
    static let original = """
        Bonjour Léa, votre panier vous attend : https://shop.example/checkout/c-42?src=mail.
        Profitez de 10 % avec le code BIENVENUE10 jusqu'à dimanche.
        Se désinscrire : https://autopilot.example/u/m-1
        """

    /// (rewritten text, the code of the broken rule or nil when it may be sent)
    static let cases: [(String, String?)] = [
        (
            """
            Léa, les articles que vous avez choisis sont toujours là : https://shop.example/checkout/c-42?src=mail.
            Avec le code BIENVENUE10, vous avez 10 % jusqu'à dimanche.
            Se désinscrire : https://autopilot.example/u/m-1
            """, nil
        ),
        ("", "empty"),
        (original + "\n" + original, "too_long"),
        (
            """
            Léa, votre panier vous attend. Profitez de 10 % avec le code BIENVENUE10 jusqu'à dimanche.
            Se désinscrire : https://autopilot.example/u/m-1
            """, "link_missing"
        ),
        (
            """
            Léa, votre panier : https://shop.example/checkout/c-42?src=mail et nos nouveautés https://shop.example/new
            10 % avec BIENVENUE10. https://autopilot.example/u/m-1
            """, "link_added"
        ),
        (
            """
            Léa, votre panier vous attend : https://shop.example/checkout/c-42?src=mail.
            Profitez de 20 % avec le code BIENVENUE10 jusqu'à dimanche.
            Se désinscrire : https://autopilot.example/u/m-1
            """, "offer_added"
        ),
        (
            """
            Léa, votre panier vous attend : https://shop.example/checkout/c-42?src=mail.
            10 % avec BIENVENUE10, et la livraison est gratuite !
            Se désinscrire : https://autopilot.example/u/m-1
            """, "offer_added"
        ),
        (
            """
            Léa, votre panier : https://shop.example/checkout/c-42?src=mail. 10 % avec BIENVENUE10 ou VIP2026.
            Se désinscrire : https://autopilot.example/u/m-1
            """, "offer_added"
        ),
        (
            """
            Léa, votre panier : https://shop.example/checkout/c-42?src=mail. 10 % avec BIENVENUE10, et 5 € de plus.
            Se désinscrire : https://autopilot.example/u/m-1
            """, "offer_added"
        ),
        (
            """
            Hello Léa, your cart is waiting for you at https://shop.example/checkout/c-42?src=mail.
            Get 10 % with the code BIENVENUE10 until Sunday. Unsubscribe: https://autopilot.example/u/m-1
            """, "language_changed"
        ),
        (
            """
            Léa, votre panier {{cart.checkout_url}} https://shop.example/checkout/c-42?src=mail, 10 % avec BIENVENUE10.
            https://autopilot.example/u/m-1
            """, "template_tag"
        ),
    ]

    @Test(arguments: cases)
    func aRewriteKeepsTheLinksTheOfferTheLengthAndTheLanguage(_ testCase: (String, String?)) {
        let violation = CopyGuardRails().violation(original: Self.original, rewritten: testCase.0, language: "fr")
        #expect(violation?.code == testCase.1, "\(violation?.description ?? "no violation")")
    }

    @Test(arguments: [(1.3, 130, nil), (1.3, 131, "too_long"), (1.0, 100, nil), (1.0, 101, "too_long")] as [(Double, Int, String?)])
    func theLengthLimitIsARatioOfTheOriginal(_ ratio: Double, _ length: Int, _ code: String?) {
        let original = String(repeating: "a", count: 100)
        let rewritten = String(repeating: "b", count: length)
        #expect(CopyGuardRails(maximumLengthRatio: ratio).violation(original: original, rewritten: rewritten)?.code == code)
    }
}
