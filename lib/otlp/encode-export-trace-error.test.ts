import protojson from "protobufjs/ext/protojson.js";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { encodeExportTraceError } from "./encode-export-trace-error";
import { RpcStatus } from "./rpc-status-proto";

const unauthenticated = new AppError("unauthenticated", "Missing or invalid API key.");

describe("encodeExportTraceError", () => {
  it("is a binary google.rpc.Status for a protobuf request", () => {
    const body = encodeExportTraceError(unauthenticated, "application/x-protobuf");
    expect(RpcStatus.toObject(RpcStatus.decode(body))).toEqual({ code: 16, message: "Missing or invalid API key." });
  });

  it("is the proto3 JSON of a google.rpc.Status for a JSON request", () => {
    const body = encodeExportTraceError(new AppError("invalid_body", "not OTLP"), "application/json; charset=utf-8").toString("utf8");
    expect(JSON.parse(body)).toEqual({ code: 3, message: "not OTLP" });
    expect(RpcStatus.toObject(protojson.fromJsonString(RpcStatus, body))).toEqual({ code: 3, message: "not OTLP" });
  });

  it("answers anything but protobuf in JSON", () => {
    expect(JSON.parse(encodeExportTraceError(new AppError("unsupported_media_type", "send protobuf"), "text/plain").toString("utf8"))).toEqual({ code: 3, message: "send protobuf" });
  });

  it("maps storage unavailable to UNAVAILABLE, which OTLP exporters retry", () => {
    const body = encodeExportTraceError(new AppError("storage_unavailable", "retry later", undefined, 5), "application/x-protobuf");
    expect(RpcStatus.toObject(RpcStatus.decode(body))).toEqual({ code: 14, message: "retry later" });
  });
});
