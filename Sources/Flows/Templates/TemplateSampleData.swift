import AutopilotCore

/// Realistic values for every root of `TemplateVocabulary`, in French or English: what previews and `TemplateCheck`
/// render templates with. Long enough (names, titles, URLs) to catch an SMS that would outgrow its segments.
public enum TemplateSampleData {
    /// The sample context for a locale: French values for French-language locales, English otherwise.
    public static func context(locale: String) -> JSONObject {
        TemplateLocale.language(of: locale) == "fr" ? french : english
    }

    /// The French sample context.
    public static let french: JSONObject = common(
        contact: ["first_name": "Camille", "last_name": "Lefèvre", "locale": "fr-FR", "timezone": "Europe/Paris"],
        product: "Savon surgras au lait d'ânesse", validUntil: "2026-12-15", signature: "Claire Moreau",
        second: "Baume karité 50 ml", review: "Texture parfaite, je recommande !", company: "Atelier Dupont & Fils",
        callbackWhen: "mercredi 16 décembre à 14h30", paymentAmount: "19,50 EUR", couponOffer: "10 % de réduction")

    /// The English sample context.
    public static let english: JSONObject = common(
        contact: ["first_name": "Oliver", "last_name": "Bennett", "locale": "en-GB", "timezone": "Europe/London"],
        product: "Donkey milk rich soap bar", validUntil: "2026-12-15", signature: "Claire Moreau",
        second: "Shea butter balm 50 ml", review: "Lovely texture, would buy again!", company: "Bennett & Sons Ltd",
        callbackWhen: "Wednesday 16 December at 14:30", paymentAmount: "EUR 19.50", couponOffer: "10% off")

    private static func common(
        contact: JSONObject, product: String, validUntil: String, signature: String, second: String, review: String, company: String,
        callbackWhen: String, paymentAmount: String, couponOffer: String
    )
        -> JSONObject
    {
        var person = contact
        let first = person["first_name"]?.stringValue?.lowercased() ?? "camille"
        person["id"] = "ct_8f3k2m9q"
        person["email"] = .string("\(first).sample@example.com")
        person["phone"] = "+33612345678"
        person["birthdate"] = "1990-12-15"
        person["orders_count"] = 3
        person["total_spent"] = 187.4
        person["tags"] = ["vip"]
        person["consents"] = ["email": true, "sms": true, "whatsapp": false]
        let line: JSONValue = ["sku": "SAV-ANE-100", "title": .string(product), "quantity": 2, "price": 12.9]
        let other: JSONValue = ["sku": "BAU-KAR-50", "title": .string(second), "quantity": 1, "price": 19.5]
        return [
            "contact": .object(person),
            "cart": [
                "id": "cart_5521", "value": 45.3, "currency": "EUR", "item_count": 3, "status": "abandoned",
                "checkout_url": "https://maison-lavande.example/checkout/c/5521?token=7QK2", "product_title": .string(product),
                "product_rating": 4.8, "product_review_count": 127, "lines": [line, other],
            ],
            "order": [
                "id": "1042", "total": 45.3, "currency": "EUR", "item_count": 3, "cart_id": "cart_5521",
                "tracking_url": "https://suivi.example-transport.com/colis/6A12345678901", "replenishment_days": 45,
                "product_title": .string(product), "lines": [line, other],
            ],
            "product": [
                "sku": "SAV-ANE-100", "title": .string(product), "price": 9.9, "old_price": 12.9, "currency": "EUR",
                "url": "https://maison-lavande.example/products/savon-lait-anesse", "rating": 4.8, "review_count": 127,
                "consumption_days": 45,
            ],
            "trigger": ["order_id": "1042", "cart_id": "cart_5521", "sku": "SAV-ANE-100"],
            "review": ["rating": 5, "has_photo": false, "text": .string(review)],
            "coupon": ["code": "MERCI-7Q4K", "percent": 10, "valid_until": .string(validUntil), "offer": .string(couponOffer)],
            "shop": ["name": "Maison Lavande", "url": "https://maison-lavande.example", "signature": .string(signature)],
            "links": [
                "unsubscribe": "https://maison-lavande.example/u/Zt81kQ", "review": "https://maison-lavande.example/r/1042",
                "booking": "https://cal.example.com/maison-lavande/30min",
            ],
            "referral": ["code": "LAVANDE-X7P", "link": "https://maison-lavande.example/p/LAVANDE-X7P", "friend": "Camille", "role": "referrer"],
            "lead": ["tier": "hot", "company": .string(company), "score": 82],
            "callback": ["when": .string(callbackWhen)],
            "payment": [
                "url": "https://buy.stripe.com/test_8wM5kE2bN0aZ3Uc6oo", "amount": .string(paymentAmount), "description": .string(second),
            ],
        ]
    }
}
