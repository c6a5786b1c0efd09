import AutopilotCore
import Engine
import Hummingbird

/// Callbacks: `GET /v1/callbacks/slots?count=5` (the next free slots in the tenant's business hours), `POST /v1/callbacks`
/// (book one: a task and a confirmation), and `GET|PUT /v1/business-hours`.
struct CallbackRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    struct SlotList: Encodable {
        var timeZone: String
        var slots: [CallbackSlotView]

        enum CodingKeys: String, CodingKey {
            case slots
            case timeZone = "time_zone"
        }
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        let service = CallbackService(dependencies: dependencies)
        group.get("callbacks/slots") { request, context in
            let tenantID = try context.requireTenant()
            let count = try QueryParameters.integer(request, "count", in: 1...CallbackService.maximumSlots) ?? 5
            let zone = try await TenantService(dependencies: dependencies).timeZoneIdentifier(tenantID: tenantID)
            return try JSONResponse.make(SlotList(timeZone: zone, slots: try await service.slots(tenantID: tenantID, count: count)))
        }
        group.post("callbacks") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_callback")
            let booked = try await service.schedule(try CallbackRequest(json: body, createdBy: "api"), tenantID: tenantID)
            return try JSONResponse.make(booked, status: booked.created ? .created : .ok)
        }
        group.get("business-hours") { _, context in
            try JSONResponse.make(try await service.businessHours(tenantID: try context.requireTenant()))
        }
        group.put("business-hours") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_business_hours")
            guard let hours = try JSONBody.string(body, "hours") else {
                throw ValidationError(code: "invalid_business_hours", field: "hours", message: "is required, such as \"mon-fri 09:00-18:00\"")
            }
            return try JSONResponse.make(try await service.setBusinessHours(hours, holidays: try JSONBody.string(body, "holidays"), tenantID: tenantID))
        }
    }
}
