package io.zerostore.common.swift;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/**
 * Swift's status lines and default error bodies ({@code <html><h1>Title</h1><p>Explanation</p></html>}),
 * which clients and tests compare byte for byte.
 */
public final class SwiftStatus {
    private record Text(String reason, String explanation) {}

    private static final Map<Integer, Text> TEXTS = Map.ofEntries(
            Map.entry(200, new Text("OK", "")),
            Map.entry(201, new Text("Created", "")),
            Map.entry(202, new Text("Accepted", "The request is accepted for processing.")),
            Map.entry(204, new Text("No Content", "")),
            Map.entry(206, new Text("Partial Content", "")),
            Map.entry(304, new Text("Not Modified", "")),
            Map.entry(400, new Text("Bad Request",
                    "The server could not comply with the request since it is either malformed or otherwise incorrect.")),
            Map.entry(401, new Text("Unauthorized",
                    "This server could not verify that you are authorized to access the document you requested.")),
            Map.entry(403, new Text("Forbidden", "Access was denied to this resource.")),
            Map.entry(404, new Text("Not Found", "The resource could not be found.")),
            Map.entry(405, new Text("Method Not Allowed", "The method is not allowed for this resource.")),
            Map.entry(406, new Text("Not Acceptable",
                    "The resource is not available in a format acceptable to your browser.")),
            Map.entry(408, new Text("Request Timeout",
                    "The server has waited too long for the request to be sent by the client.")),
            Map.entry(409, new Text("Conflict", "There was a conflict when trying to complete your request.")),
            Map.entry(410, new Text("Gone", "This resource is no longer available.")),
            Map.entry(411, new Text("Length Required", "Content-Length header required.")),
            Map.entry(412, new Text("Precondition Failed", "A precondition for this request was not met.")),
            Map.entry(413, new Text("Request Entity Too Large",
                    "The body of your request was too large for this server.")),
            Map.entry(414, new Text("Request URI Too Long", "The request URI was too long for this server.")),
            Map.entry(416, new Text("Requested Range Not Satisfiable", "The Range requested is not available.")),
            Map.entry(422, new Text("Unprocessable Entity", "Unable to process the contained instructions")),
            Map.entry(499, new Text("Client Disconnect", "The client was disconnected during request.")),
            Map.entry(500, new Text("Internal Error",
                    "The server has either erred or is incapable of performing the requested operation.")),
            Map.entry(501, new Text("Not Implemented", "The requested method is not implemented by this server.")),
            Map.entry(502, new Text("Bad Gateway", "Bad gateway.")),
            Map.entry(503, new Text("Service Unavailable",
                    "The server is currently unavailable. Please try again at a later time.")),
            Map.entry(504, new Text("Gateway Timeout", "A timeout has occurred speaking to a backend server.")),
            Map.entry(507, new Text("Insufficient Storage",
                    "There was not enough space to save the resource. Drive: %s")));

    private SwiftStatus() {}

    /** The status with Swift's reason phrase (e.g. {@code 500 Internal Error}). */
    public static HttpResponseStatus of(int code) {
        Text t = TEXTS.get(code);
        return t == null ? HttpResponseStatus.valueOf(code) : new HttpResponseStatus(code, t.reason);
    }

    /** The HTML body Swift sends for an error without an explicit body; empty for 2xx/304. */
    public static String defaultBody(int code) {
        Text t = TEXTS.get(code);
        if (t == null || t.explanation.isEmpty()) {
            return "";
        }
        return "<html><h1>" + t.reason + "</h1><p>" + t.explanation + "</p></html>";
    }

    /** 507's body names the drive. */
    public static String insufficientStorageBody(String drive) {
        return defaultBody(507).replace("%s", drive);
    }
}
