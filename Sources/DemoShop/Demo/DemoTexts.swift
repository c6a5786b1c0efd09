/// The short texts demo customers write and the shop sends: reviews, support subjects, newsletter subjects, replies.
enum DemoTexts {
    /// A review's text in the writer's language, about the product's kind when it says something specific.
    static func review(rating: Int, category: DemoProductCategory, language: DemoLanguage, _ random: inout DemoRandom) -> String {
        let level = rating >= 5 ? 0 : rating == 4 ? 1 : rating == 3 ? 2 : 3
        if level != 1, level != 2, random.chance(0.5) {
            let specific = categoryReviews(category, positive: level == 0)
            return random.pick(language == .french ? specific.french : specific.english) ?? ""
        }
        let pools = language == .french ? frenchGeneric : englishGeneric
        return random.pick(pools[level]) ?? ""
    }

    /// Five-star, four-star, three-star and one-or-two-star reviews that fit any product.
    static let frenchGeneric: [[String]] = [
        [
            "Parfait, comme d'habitude. Livraison rapide et produit au top !", "Super qualité, emballage soigné, merci !",
            "Troisième commande et toujours aussi satisfaite.", "Produit conforme, reçu en 48 h. Rien à redire.", "Je recommande à 100 %.",
        ],
        ["Très bien, juste un peu cher.", "Bon produit, livraison un peu longue.", "Satisfaite dans l'ensemble.", "Bien, je rachèterai."],
        ["Correct sans plus.", "Produit OK mais l'emballage était abîmé.", "Moins bien que la description."],
        ["Colis arrivé ouvert, produit renversé. Déçue.", "Commande incomplète, il manquait un article.", "Trop cher pour la qualité."],
    ]
    static let englishGeneric: [[String]] = [
        ["Absolutely love it, will order again!", "Lovely packaging, arrived quickly.", "Arrived quickly, exactly as described."],
        ["Really good, a bit pricey though.", "Nice, delivery took a few days longer than expected.", "Good value, would buy again."],
        ["It's fine, nothing special.", "Okay but the lid was broken.", "Not quite what the photos suggest."],
        ["Parcel arrived damaged and half of it spilled.", "Missing an item and no reply from support yet.", "Not worth the price."],
    ]

    private static func categoryReviews(_ category: DemoProductCategory, positive: Bool) -> (french: [String], english: [String]) {
        switch (category, positive) {
        case (.cosmetics, true):
            (
                ["Ma peau n'a jamais été aussi douce.", "Texture légère, odeur délicate, j'adore."],
                ["Best skincare I've tried in years.", "My skin feels amazing."]
            )
        case (.cosmetics, false):
            (
                ["Réaction cutanée dès la première utilisation.", "Aucun effet au bout d'un mois."],
                ["Broke me out, had to stop using it.", "Did nothing for my skin."]
            )
        case (.coffee, true):
            (
                ["Excellent café, très aromatique.", "Torréfaction parfaite, notes de fruits rouges."],
                ["Great coffee, smooth and rich.", "Lovely crema, my new daily brew."]
            )
        case (.coffee, false):
            (["Café trop amer, grains pas frais.", "Goût de brûlé, déçu."], ["Tastes burnt and stale.", "Far too bitter for me."])
        case (.tea, true):
            (
                ["Très bon thé, parfumé juste ce qu'il faut.", "Un délice, infusé à 80 °C c'est parfait."],
                ["Gorgeous tea, lovely aroma.", "Perfect afternoon cuppa."]
            )
        case (.tea, false):
            (["Le goût est plat, beaucoup de poussière.", "Aucun arôme."], ["Flavourless and dusty.", "Weak even after five minutes."])
        case (.petFood, true):
            (
                ["Mon chat adore, il finit sa gamelle à chaque fois.", "Mon chien se régale, poil plus brillant."],
                ["My cat is obsessed with these.", "Our dog loves it."]
            )
        case (.petFood, false):
            (["Mon chien n'en veut pas du tout.", "Ma chatte a été malade après."], ["My dog won't touch it.", "Upset my cat's stomach."])
        case (.accessories, true):
            (
                ["Bel objet, finitions soignées.", "Très joli et solide, parfait en cadeau."],
                ["Beautifully made, great gift.", "Solid and looks lovely."]
            )
        case (.accessories, false):
            (["Arrivé fêlé.", "Fragile, cassé au bout d'une semaine."], ["Arrived cracked.", "Broke after a week."])
        }
    }

    static func ticketSubject(orderID: String?, language: DemoLanguage, _ random: inout DemoRandom) -> String {
        let order = orderID ?? ""
        switch language {
        case .french:
            return random.pick([
                "Où en est ma commande \(order) ?", "Colis abîmé à la réception", "Erreur d'adresse de livraison sur \(order)",
                "Article manquant dans ma commande \(order)", "Question sur la composition du sérum", "Demande de facture pour \(order)",
                "Je n'arrive pas à me connecter à mon compte", "Modifier mon abonnement croquettes",
            ]) ?? "Question"
        case .english:
            return random.pick([
                "Where is my order \(order)?", "Damaged parcel", "Wrong item received in \(order)", "Can I change my delivery address?",
                "Invoice request for \(order)", "Is the argan oil cold-pressed?", "Promo code not working",
            ]) ?? "Question"
        }
    }

    static func newsletterSubject(month: Int, language: DemoLanguage) -> String {
        let french = [
            "Nouvelle année, nouveaux rituels ☕", "Saint-Valentin : nos coffrets à offrir", "Le printemps arrive : -15 % sur les thés verts",
            "Avril : nos nouveautés beauté", "Fête des mères : idées cadeaux", "Été : le cold brew est de retour",
            "Vos essentiels pour partir en vacances", "La rentrée en douceur", "Nouvelles récoltes de café d'Éthiopie",
            "Octobre rose : 1 € reversé par commande", "Black Friday : -20 % sur tout le site", "Calendrier de l'Avent & coffrets de Noël",
        ]
        let english = [
            "New year, new rituals ☕", "Valentine's gift boxes are here", "Spring is here: 15% off green teas", "April beauty new arrivals",
            "Mother's Day gift ideas", "Cold brew season is back", "Your holiday essentials", "Back to routine, gently",
            "Fresh Ethiopian harvest just landed", "Pink October: €1 donated per order", "Black Friday: 20% off everything",
            "Advent calendar & Christmas gift boxes",
        ]
        let index = (month - 1 + 12) % 12
        return language == .french ? french[index] : english[index]
    }

    static func reply(language: DemoLanguage, _ random: inout DemoRandom) -> String {
        switch language {
        case .french:
            random.pick([
                "Bonjour, est-ce que le coffret sera de nouveau disponible ?", "Merci ! Vous livrez au Maroc ?", "Stop, merci de ne plus m'écrire.",
                "Super offre, le code marche aussi sur les capsules ?", "Bonjour, je n'ai toujours pas reçu ma commande.",
            ]) ?? ""
        case .english:
            random.pick([
                "Hi, will the gift box be back in stock?", "Thanks! Do you ship to Ireland?", "Does the code work on subscriptions?",
                "Please remove me from this list.",
            ]) ?? ""
        }
    }
}
