/// The hand-written part of the demo catalog: fifty products of a small French shop, in French and English.
enum DemoCatalogEntries {
    struct Entry {
        let sku: String
        let title: String
        let category: DemoProductCategory
        let price: Double
        let consumptionDays: Int?
    }

    /// Listed category by category in turn, so the first N entries are a balanced shop for any N.
    static let all: [Entry] = [
        Entry(sku: "COS-01", title: "Sérum éclat à la vitamine C 30 ml", category: .cosmetics, price: 34.9, consumptionDays: 60),
        Entry(sku: "COF-01", title: "Café en grains Éthiopie Yirgacheffe 500 g", category: .coffee, price: 18.5, consumptionDays: 30),
        Entry(sku: "TEA-01", title: "Thé vert à la menthe Gunpowder 200 g", category: .tea, price: 12.9, consumptionDays: 45),
        Entry(sku: "PET-01", title: "Croquettes chat adulte au saumon 3 kg", category: .petFood, price: 29.9, consumptionDays: 30),
        Entry(sku: "ACC-01", title: "Moulin à café manuel en céramique", category: .accessories, price: 39.0, consumptionDays: nil),
        Entry(sku: "COS-02", title: "Crème hydratante à l'huile d'argan 50 ml", category: .cosmetics, price: 27.5, consumptionDays: 45),
        Entry(sku: "COF-02", title: "Espresso Blend \"Maison\" 1 kg", category: .coffee, price: 29.0, consumptionDays: 30),
        Entry(sku: "TEA-02", title: "Earl Grey Imperial loose leaf 100 g", category: .tea, price: 9.9, consumptionDays: 40),
        Entry(sku: "PET-02", title: "Croquettes chien grande race sans céréales 12 kg", category: .petFood, price: 64.9, consumptionDays: 30),
        Entry(sku: "ACC-02", title: "Théière en fonte japonaise 0,8 L", category: .accessories, price: 49.0, consumptionDays: nil),
        Entry(sku: "COS-03", title: "Savon noir beldi à l'eucalyptus 200 g", category: .cosmetics, price: 9.5, consumptionDays: 45),
        Entry(sku: "COF-03", title: "Colombia Huila single origin 250 g", category: .coffee, price: 11.9, consumptionDays: 20),
        Entry(sku: "TEA-03", title: "Rooibos vanille bio 150 g", category: .tea, price: 8.9, consumptionDays: 45),
        Entry(sku: "PET-03", title: "Pâtée chat au poulet, lot de 12 x 85 g", category: .petFood, price: 14.9, consumptionDays: 12),
        Entry(sku: "ACC-03", title: "Gourde isotherme inox 500 ml", category: .accessories, price: 24.9, consumptionDays: nil),
        Entry(sku: "COS-04", title: "Huile d'argan pure bio 100 ml", category: .cosmetics, price: 24.0, consumptionDays: 60),
        Entry(sku: "COF-04", title: "Capsules compatibles Nespresso Ristretto x50", category: .coffee, price: 15.5, consumptionDays: 25),
        Entry(sku: "TEA-04", title: "Matcha de cérémonie Uji 30 g", category: .tea, price: 22.0, consumptionDays: 30),
        Entry(sku: "PET-04", title: "Friandises dentaires pour chien x28", category: .petFood, price: 11.9, consumptionDays: 28),
        Entry(sku: "ACC-04", title: "Tasses en grès émaillé, lot de 2", category: .accessories, price: 26.0, consumptionDays: nil),
        Entry(sku: "COS-05", title: "Shampoing solide au rhassoul", category: .cosmetics, price: 11.5, consumptionDays: 50),
        Entry(sku: "COF-05", title: "Décaféiné Brésil procédé à l'eau 500 g", category: .coffee, price: 17.9, consumptionDays: 30),
        Entry(sku: "TEA-05", title: "English Breakfast Assam 250 g", category: .tea, price: 10.5, consumptionDays: 40),
        Entry(sku: "PET-05", title: "Litière végétale agglomérante 20 L", category: .petFood, price: 19.9, consumptionDays: 30),
        Entry(sku: "ACC-05", title: "Cafetière à piston Chambord 8 tasses", category: .accessories, price: 45.0, consumptionDays: nil),
        Entry(sku: "COS-06", title: "Eau de rose de Damas 200 ml", category: .cosmetics, price: 14.9, consumptionDays: 45),
        Entry(sku: "COF-06", title: "Café moulu Moka d'Éthiopie 250 g", category: .coffee, price: 9.9, consumptionDays: 20),
        Entry(sku: "TEA-06", title: "Infusion verveine citronnée 100 g", category: .tea, price: 7.5, consumptionDays: 40),
        Entry(sku: "PET-06", title: "Croquettes chaton au poulet 1,5 kg", category: .petFood, price: 18.9, consumptionDays: 30),
        Entry(sku: "ACC-06", title: "Trousse de toilette en coton recyclé", category: .accessories, price: 19.0, consumptionDays: nil),
        Entry(sku: "COS-07", title: "Baume à lèvres karité & miel", category: .cosmetics, price: 6.9, consumptionDays: 45),
        Entry(sku: "COF-07", title: "Cold Brew Coffee Bags x10", category: .coffee, price: 12.5, consumptionDays: 15),
        Entry(sku: "TEA-07", title: "Chai masala épicé 200 g", category: .tea, price: 11.5, consumptionDays: 45),
        Entry(sku: "PET-07", title: "Huile de saumon pour chien et chat 500 ml", category: .petFood, price: 16.9, consumptionDays: 45),
        Entry(sku: "ACC-07", title: "Filtre à café réutilisable en inox", category: .accessories, price: 14.0, consumptionDays: nil),
        Entry(sku: "COS-08", title: "Masque purifiant à l'argile verte 75 ml", category: .cosmetics, price: 16.5, consumptionDays: 60),
        Entry(sku: "COF-08", title: "Guatemala Antigua medium roast 1 kg", category: .coffee, price: 32.0, consumptionDays: 40),
        Entry(sku: "TEA-08", title: "Thé blanc Pai Mu Tan 50 g", category: .tea, price: 13.9, consumptionDays: 45),
        Entry(sku: "PET-08", title: "Pâtée chien au bœuf, lot de 6 x 400 g", category: .petFood, price: 17.5, consumptionDays: 10),
        Entry(sku: "ACC-08", title: "Coffret cadeau découverte thés du monde", category: .accessories, price: 35.0, consumptionDays: nil),
        Entry(sku: "COS-09", title: "Contour des yeux au bakuchiol 15 ml", category: .cosmetics, price: 29.0, consumptionDays: 60),
        Entry(sku: "COF-09", title: "Capsules Lungo Intenso compatibles x50", category: .coffee, price: 15.5, consumptionDays: 25),
        Entry(sku: "TEA-09", title: "Thé noir fumé Lapsang Souchong 100 g", category: .tea, price: 9.5, consumptionDays: 45),
        Entry(sku: "COS-10", title: "Gommage corps au sucre et à l'orange 200 ml", category: .cosmetics, price: 19.9, consumptionDays: 50),
        Entry(sku: "COF-10", title: "Sumatra Mandheling dark roast 500 g", category: .coffee, price: 19.5, consumptionDays: 30),
        Entry(sku: "TEA-10", title: "Sencha japonais bio 100 g", category: .tea, price: 12.0, consumptionDays: 40),
        Entry(sku: "COS-11", title: "Déodorant naturel palmarosa 50 g", category: .cosmetics, price: 10.9, consumptionDays: 45),
        Entry(sku: "COS-12", title: "Nettoyant visage doux à l'aloe vera 150 ml", category: .cosmetics, price: 18.0, consumptionDays: 55),
        Entry(sku: "COS-13", title: "Huile de nigelle pressée à froid 100 ml", category: .cosmetics, price: 15.9, consumptionDays: 60),
        Entry(sku: "COS-14", title: "Brume capillaire à la fleur d'oranger 100 ml", category: .cosmetics, price: 21.0, consumptionDays: nil),
    ]
}
