import Foundation

/// First and last names per culture, with the ASCII form used to build e-mail addresses.
struct DemoNames: Sendable {
    struct Name: Sendable {
        let display: String
        let ascii: String
    }

    let female: [Name]
    let male: [Name]
    let last: [Name]

    init(female: [String], male: [String], last: [String]) {
        func names(_ list: [String]) -> [Name] {
            list.map { Name(display: $0, ascii: DemoCatalog.slug($0).replacingOccurrences(of: "-", with: "")) }
        }
        self.female = names(female)
        self.male = names(male)
        self.last = names(last)
    }

    static let french = DemoNames(
        female: [
            "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Marie", "Clara", "Zoé", "Lucie", "Anaïs", "Pauline",
            "Mathilde", "Élodie", "Charlotte", "Hélène", "Nathalie", "Isabelle", "Sophie", "Céline", "Aurélie", "Margaux", "Juliette",
            "Océane", "Justine", "Laura", "Audrey", "Valérie",
        ],
        male: [
            "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Hugo", "Lucas", "Théo", "Alexandre", "Romain", "Guillaume", "Pierre",
            "Mathieu", "Louis", "Baptiste", "Quentin", "Clément", "Jérôme", "Sébastien", "François", "Benoît", "Arnaud", "Olivier",
            "Jean-Baptiste",
        ],
        last: [
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
            "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre",
            "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
            "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Chevalier",
        ])

    static let english = DemoNames(
        female: [
            "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Chloe", "Ella", "Jessica", "Hannah", "Charlotte",
            "Lucy", "Megan", "Rachel", "Sarah", "Laura", "Emma", "Abigail", "Madison", "Ashley", "Jennifer", "Rebecca", "Katie",
        ],
        male: [
            "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "James", "William", "Daniel", "Matthew",
            "Ethan", "Samuel", "Joseph", "Ryan", "Michael", "David", "Benjamin", "Luke", "Tyler", "Andrew", "Christopher",
        ],
        last: [
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
            "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Miller", "Davis", "Anderson", "Moore",
            "Martin", "Harris", "Clark", "Lewis", "Hughes", "Edwards", "Turner", "Cooper", "O'Brien", "Murphy", "Kelly", "Bennett",
        ])

    static let moroccan = DemoNames(
        female: [
            "Yasmine", "Salma", "Imane", "Khadija", "Fatima Zahra", "Meryem", "Hajar", "Sara", "Kawtar", "Nour", "Ghita", "Houda",
            "Zineb", "Soukaina", "Amina", "Loubna", "Hiba", "Nadia", "Asmae", "Siham",
        ],
        male: [
            "Youssef", "Mehdi", "Amine", "Omar", "Hamza", "Mohamed", "Anas", "Ayoub", "Karim", "Reda", "Othmane", "Ismail", "Adil",
            "Yassine", "Rachid", "Hicham", "Said", "Soufiane", "Zakaria", "Ilyas",
        ],
        last: [
            "El Amrani", "Benali", "Alaoui", "Bennani", "Tazi", "El Idrissi", "Berrada", "Chraibi", "Lahlou", "Benjelloun", "Fassi",
            "Ouazzani", "El Mansouri", "Kettani", "Sqalli", "Benkirane", "Ziani", "Haddad", "Bouzidi", "Amrani", "El Fassi", "Naciri",
            "Sebti", "Cherkaoui", "Belkadi", "Tahiri",
        ])

    static func forCountry(_ country: DemoCountry) -> DemoNames {
        switch country {
        case .france: french
        case .unitedKingdom, .unitedStates: english
        case .morocco: moroccan
        }
    }
}
