// One-shot set-up of compose.yaml's replica set, run by the `mongo-init` service with
// `mongosh --nodb`. Idempotent: on a set already initiated it only checks the user.
// Passwords come from the environment (MONGO_ROOT_PASSWORD, MONGO_APP_PASSWORD).
const members = ["mongo1:27017", "mongo2:27017", "mongo3:27017"];
const conn = new Mongo("mongodb://mongo1:27017/?directConnection=true");
const admin = conn.getDB("admin");
admin.auth("root", process.env.MONGO_ROOT_PASSWORD);

function setStatus() {
  try {
    return admin.runCommand({ replSetGetStatus: 1 });
  } catch (e) {
    return { ok: 0, code: e.code, errmsg: e.message };
  }
}
const status = setStatus();
if (status.ok !== 1) {
  if (status.code !== 94) throw new Error("replSetGetStatus: " + status.errmsg); // 94: not yet
  print("initiating replica set rs0: " + members.join(", "));
  admin.runCommand({
    replSetInitiate: {
      _id: "rs0",
      members: members.map((host, i) => ({ _id: i, host: host, priority: i === 0 ? 2 : 1 })),
    },
  });
}

// Wait (bounded) until mongo1 is primary, so the user is written to the set.
for (let i = 0; i < 60 && !admin.runCommand({ hello: 1 }).isWritablePrimary; i++) {
  sleep(1000);
}
if (!admin.runCommand({ hello: 1 }).isWritablePrimary) {
  throw new Error("mongo1 did not become primary within 60 s");
}

const app = conn.getDB("psymitrix");
const roles = [{ role: "readWrite", db: "psymitrix" }];
if (app.getUser("psymitrix") === null) {
  app.createUser({ user: "psymitrix", pwd: process.env.MONGO_APP_PASSWORD, roles: roles });
  print("created user psymitrix");
} else {
  app.updateUser("psymitrix", { pwd: process.env.MONGO_APP_PASSWORD, roles: roles });
  print("user psymitrix exists; password and roles brought up to date");
}
