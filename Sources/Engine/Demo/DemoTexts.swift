/// The short texts demo customers write and the shop sends: reviews, support subjects, newsletter subjects, replies.
enum DemoTexts {
    static func review(rating: Int, language: DemoLanguage, _ random: inout DemoRandom) -> String {
        let pool: [String]
        switch (language, rating) {
        case (.french, 5...): pool = frenchFive
        case (.french, 4): pool = frenchFour
        case (.french, 3): pool = frenchThree
        case (.french, _): pool = frenchLow
        case (.english, 5...): pool = englishFive
        case (.english, 4): pool = englishFour
        case (.english, 3): pool = englishThree
        case (.english, _): pool = englishLow
        }
        return random.pick(pool) ?? ""
    }

    static let frenchFive = [
        "Parfait, comme d'habitude. Livraison rapide et produit au top !", "Je recommande à 100 %, ma peau n'a jamais été aussi douce.",
        "Excellent café, très aromatique. Je recommande.", "Mon chat adore, il finit sa gamelle à chaque fois.",
        "Super qualité, emballage soigné, merci !", "Troisième commande et toujours aussi satisfaite.", "Très bon thé, parfumé juste ce qu'il faut.",
        "Produit conforme, reçu en 48 h. Rien à redire.",
    ]
    static let frenchFour = [
        "Très bien, juste un peu cher.", "Bon produit, livraison un peu longue.", "Bonne odeur, texture agréable. Je rachèterai.",
        "Café corsé comme je l'aime, mouture un peu grossière.", "Satisfaite dans l'ensemble.",
    ]
    static let frenchThree = ["Correct sans plus.", "Le goût est moins intense que prévu.", "Produit OK mais l'emballage était abîmé."]
    static let frenchLow = [
        "Colis arrivé ouvert, produit renversé. Déçue.", "Mon chien n'en veut pas du tout.", "Réaction cutanée dès la première utilisation.",
        "Commande incomplète, il manquait un article.", "Trop cher pour la qualité.",
    ]
    static let englishFive = [
        "Absolutely love it, will order again!", "Great coffee, smooth and rich. Fast delivery too.", "My cat is obsessed with these.",
        "Lovely packaging and the tea is gorgeous.", "Best serum I've tried in years.", "Arrived quickly, exactly as described.",
    ]
    static let englishFour = ["Really good, a bit pricey though.", "Nice product, delivery took a few days longer than expected.", "Good value, would buy again."]
    static let englishThree = ["It's fine, nothing special.", "Taste is weaker than I hoped.", "Okay but the lid was broken."]
    static let englishLow = [
        "Parcel arrived damaged and half of it spilled.", "My dog won't touch it.", "Broke me out, had to stop using it.",
        "Missing an item and no reply from support yet.",
    ]

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
