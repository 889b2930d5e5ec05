// google.rpc.Status, the body of OTLP/HTTP error answers (4xx and 5xx),
// loaded with protobufjs. Message, field names, numbers and types are those
// of googleapis google/rpc/status.proto:
//
//   Copyright 2020 Google LLC
//   Licensed under the Apache License, Version 2.0 (the "License");
//   you may not use this file except in compliance with the License.
//   You may obtain a copy of the License at
//       http://www.apache.org/licenses/LICENSE-2.0
//   Unless required by applicable law or agreed to in writing, software
//   distributed under the License is distributed on an "AS IS" BASIS,
//   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
//   See the License for the specific language governing permissions and
//   limitations under the License.
//
// `details` (repeated google.protobuf.Any) is left out: we never send any.
import protobuf from "protobufjs";

const STATUS = `
syntax = "proto3";
package google.rpc;

message Status {
  int32 code = 1;
  string message = 2;
}
`;

export const RpcStatus = protobuf.parse(STATUS).root.lookupType("google.rpc.Status");

/** google.rpc.Code values that our errors map to. */
export const RpcCode = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  ABORTED: 10,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;
