import AutopilotCore

/// Writes the whole history of one demo customer: signup, profile changes, orders, carts, wishes, messages.
struct DemoContactStory {
    let persona: DemoPersona
    let context: DemoShopContext
    var random: DemoRandom
    var log: DemoEventLog
    var cartCount = 0
    /// The consumable a loyal customer comes back for at its cycle.
    var staple: Int?
    /// Until when the person's latest cart stays unconverted: an order without a cart id before then would be taken as its
    /// conversion by the ingest projection, so orders until then always come with their own cart.
    var cartOutstandingUntil = Int64.min
    /// When the person last ordered: a cart still open now is younger.
    var lastOrderAt = Int64.min
    var timeline: DemoTimeline { context.timeline }

    init(number: Int, context: DemoShopContext) {
        self.context = context
        var random = DemoRandom(seed: context.seed, stream: UInt64(number), salt: 0xC0)
        persona = DemoPersona.make(number: number, timeline: context.timeline, &random)
        self.random = random
        log = DemoEventLog(timeline: context.timeline)
    }

    /// Records every event of this person, then appends them to `output` in chronological order.
    mutating func tell(counters: inout DemoCounters, into output: inout [JSONValue]) {
        recordSignup()
        if random.chance(0.12) { recordProfileUpdate() }
        var plans = orderMoments().map { (moment: $0, abandoned: false) } + abandonedCartMoments().map { (moment: $0, abandoned: true) }
        plans.sort { $0.moment != $1.moment ? $0.moment < $1.moment : !$0.abandoned && $1.abandoned }
        for plan in plans {
            if plan.abandoned {
                recordAbandonedCart(at: plan.moment, counters: &counters)
            } else {
                placeOrder(at: plan.moment, cartID: nil, lines: nil, counters: &counters)
            }
        }
        if random.chance(0.05) { recordOpenCart() }
        if random.chance(0.15) { recordWishes() }
        recordMessages()
        log.drain(into: &output)
    }

    var key: String { "demo-c\(persona.number)-" }

    private mutating func recordSignup() {
        var properties = JSONObject()
        properties["first_name"] = .string(persona.firstName)
        properties["last_name"] = .string(persona.lastName)
        properties["locale"] = .string(persona.locale)
        properties["timezone"] = .string(persona.country.timezone)
        if let birthdate = persona.birthdate { properties["birthdate"] = .string(birthdate) }
        properties["consents"] = [
            "email": .bool(persona.consentsEmail), "sms": .bool(persona.consentsSMS), "whatsapp": .bool(persona.consentsWhatsApp),
            "source": .string(persona.segment == .neverBought ? "newsletter_form" : "checkout"),
        ]
        properties["attributes"] = [
            "city": .string(persona.city), "country": .string(persona.country.countryCode), "acquisition_source": .string(persona.acquisition),
        ]
        var contact = persona.contact.objectValue ?? JSONObject()
        if let phone = persona.phone { contact["phone"] = .string(phone) }
        log.record(.contactCreated, at: persona.signup, key: key + "created", contact: .object(contact), properties)
    }

    private mutating func recordProfileUpdate() {
        let moment = timeline.atWakingHour(
            persona.signup + Int64(random.double(0.1, 1) * Double(max(0, timeline.end - persona.signup))),
            offsetHours: persona.country.utcOffsetHours, &random)
        var properties = JSONObject()
        var contact = persona.contact.objectValue ?? JSONObject()
        switch random.int(0...2) {
        case 0 where persona.phone == nil:
            let phone = persona.country == .france ? "+33" + random.digits(9, first: "67") : "+212" + random.digits(9, first: "67")
            contact["phone"] = .string(phone)
            properties["consents"] = ["sms": .bool(true), "source": "account_page"]
        case 0, 1:
            properties["consents"] = ["email": .bool(!persona.consentsEmail), "source": "account_page"]
        default:
            properties["attributes"] = ["favourite_category": .string(persona.preferredCategories[0].rawValue)]
            if persona.birthdate == nil { properties["birthdate"] = .string("19\(random.int(60...99))-0\(random.int(1...9))-1\(random.int(0...9))") }
        }
        log.record(.contactUpdated, at: moment, key: key + "updated", contact: .object(contact), properties)
    }

    /// When this person places orders of their own accord (recovered carts come on top), by segment.
    private mutating func orderMoments() -> [Int64] {
        let offset = persona.country.utcOffsetHours
        let end = timeline.end
        let firstOrder = persona.signup + Int64(random.double(0, 3) * Double(DemoTimeline.day))
        var moments: [Int64] = []
        switch persona.segment {
        case .neverBought:
            return []
        case .oneTime:
            moments = [persona.signup + Int64(random.double(0, 20) * Double(DemoTimeline.day))]
        case .occasional:
            moments = [firstOrder]
            for _ in 0..<random.int(1...4) { moments.append(firstOrder + Int64(random.unit() * Double(max(0, end - firstOrder)))) }
        case .lapsed:
            let stop = max(firstOrder, end - DemoTimeline.day * Int64(random.int(200...420)))
            moments = [firstOrder]
            for _ in 0..<random.int(1...5) { moments.append(firstOrder + Int64(random.unit() * Double(stop - firstOrder))) }
        case .loyal:
            let cycle = loyalCycleDays()
            var moment = firstOrder
            while moment <= end, moments.count < 200 {
                moments.append(moment)
                let pause = random.chance(0.1) ? 2.0 : 1.0
                moment += Int64(Double(cycle) * random.double(0.8, 1.3) * pause * Double(DemoTimeline.day))
            }
        }
        return moments.sorted().map { timeline.atWakingHour($0, offsetHours: offset, &random) }.filter { $0 <= end }
    }

    private mutating func loyalCycleDays() -> Int {
        let favourites = persona.preferredCategories.flatMap { context.productsByCategory[$0] ?? [] }
        staple = random.pick(favourites.filter { context.products[$0].consumptionDays != nil })
        guard let staple, let days = context.products[staple].consumptionDays else { return random.int(35...60) }
        return max(20, days)
    }
}
