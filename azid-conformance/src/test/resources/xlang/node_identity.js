// Runs one of Microsoft's Node clients with its defaults and prints the token as JSON on stdout.
// argv[2] names the flow; configuration comes from the environment only. Run by azid-conformance's
// NodeClientsConformanceTest against the emulator's transparent mode (HTTPS_PROXY, NODE_EXTRA_CA_CERTS).
"use strict";
const identity = require("@azure/identity");
const { createDefaultHttpClient, createHttpHeaders, createPipelineFromOptions, createPipelineRequest } =
  require("@azure/core-rest-pipeline");

const env = process.env;
const ARM = "https://management.azure.com/.default";

// Completes a device code sign-in as a user would: the sign-in page's form, posted through the same proxy.
async function approve(info) {
  const pipeline = createPipelineFromOptions({});
  const request = createPipelineRequest({
    url: info.verificationUri, method: "POST",
    headers: createHttpHeaders({ "content-type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams({ user_code: info.userCode, username: env.AZID_USERNAME, password: env.AZID_PASSWORD,
      action: "approve" }).toString(),
  });
  const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
  if (response.status !== 200 || !String(response.bodyAsText).includes("Signed in")) {
    throw new Error("device login page answered " + response.status);
  }
}

async function token(flow) {
  switch (flow) {
    case "secret":
      return (await new identity.ClientSecretCredential(env.AZID_TENANT_ID, env.AZID_CLIENT_ID, env.AZID_CLIENT_SECRET)
        .getToken(ARM)).token;
    case "certificate":
      return (await new identity.ClientCertificateCredential(env.AZID_TENANT_ID, env.AZID_CLIENT_ID,
        { certificatePath: env.AZID_CERTIFICATE_PATH }).getToken(ARM)).token;
    case "managed-identity":
      return (await new identity.ManagedIdentityCredential().getToken(ARM)).token;
    case "device-code": {
      let approval;
      const credential = new identity.DeviceCodeCredential({ tenantId: env.AZID_TENANT_ID, clientId: env.AZID_PUBLIC_CLIENT_ID,
        userPromptCallback: (info) => { approval = approve(info); } });
      const t = await credential.getToken(ARM);
      await approval;
      return t.token;
    }
    default:
      throw new Error("unknown flow " + flow);
  }
}

token(process.argv[2]).then((t) => console.log(JSON.stringify({ token: t })), (e) => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
