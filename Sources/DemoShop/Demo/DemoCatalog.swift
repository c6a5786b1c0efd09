import Foundation

/// Builds the demo shop's catalog: products with prices, consumption cycles, stock and a few price changes.
enum DemoCatalog {
    static let baseURL = "https://demo-boutique.example/products/"

    private static let variantSuffixes = ["format familial", "édition limitée", "recharge éco", "coffret", "travel size"]

    static func make(count: Int, seed: UInt64, start: Date, now: Date) -> [DemoProduct] {
        var random = DemoRandom(seed: seed, stream: 0, salt: 0xCA7A)
        let entries = DemoCatalogEntries.all
        let span = now.timeIntervalSince(start)
        var products: [DemoProduct] = []
        products.reserveCapacity(max(0, count))
        for index in 0..<max(0, count) {
            let entry = entries[index % entries.count]
            let round = index / entries.count
            var sku = entry.sku
            var title = entry.title
            var price = entry.price
            if round > 0 {
                sku += "-V\(round + 1)"
                title += " — " + variantSuffixes[(round - 1) % variantSuffixes.count]
                price = charmUp(price * random.double(0.8, 1.6))
            }
            var product = DemoProduct(
                sku: sku, title: title, category: entry.category, price: price, consumptionDays: entry.consumptionDays,
                url: baseURL + slug(title) + "-" + sku.lowercased(), inStock: !random.chance(0.08), priceChanges: [])
            if span > 86_400 * 4 {
                if random.chance(0.18) {
                    let at = min(now, morning(start.addingTimeInterval(span * random.double(0.3, 0.97)), &random))
                    product.priceChanges.append(DemoPriceChange(at: at, oldPrice: price, newPrice: charmDown(price * random.double(0.75, 0.9))))
                } else if entry.category == .coffee, random.chance(0.4) {
                    let at = min(now, morning(start.addingTimeInterval(span * random.double(0.2, 0.9)), &random))
                    product.priceChanges.append(DemoPriceChange(at: at, oldPrice: price, newPrice: charmUp(price * random.double(1.04, 1.1))))
                }
            }
            products.append(product)
        }
        return products
    }

    static func cents(_ amount: Double) -> Double { (amount * 100).rounded() / 100 }

    /// The shop's price points end in .90: the one just below `amount` (a discount), or just above (an increase).
    static func charmDown(_ amount: Double) -> Double { amount >= 2 ? cents(amount.rounded(.down) - 0.1) : cents(amount) }
    static func charmUp(_ amount: Double) -> Double { cents(amount.rounded(.up) - 0.1) }

    /// Price changes go live on a weekday-like morning, around 9:00 Paris time.
    private static func morning(_ date: Date, _ random: inout DemoRandom) -> Date {
        let day = (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        return Date(timeIntervalSince1970: day + 7.5 * 3_600 + Double(random.int(0...5_400)))
    }

    /// Lower-case ASCII words joined by dashes, for URLs.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
