"""gandi.cli's `gandi webacc` command sequence against the simulator, call for call.

Each step makes exactly the calls gandi/cli/modules/webacc.py makes (same methods, same argument
shapes, `usable_id` resolving names through hosting.rproxy.list, `display_progress` polling
operation.info until DONE), with the client gandi.cli builds:
ServerProxy(url, allow_none=True, use_datetime=True). Prints what it saw as JSON.

usage: webacc_session.py URL APIKEY
"""

import json
import sys
import time
import xmlrpc.client

url, apikey = sys.argv[1], sys.argv[2]
api = xmlrpc.client.ServerProxy(url, allow_none=True, use_datetime=True)
seen = {"steps": []}


def call(method, *args):
    fn = api
    for part in method.split("."):
        fn = getattr(fn, part)
    return fn(apikey, *args)


def display_progress(result):
    """gandi.cli core/base.py: poll every operation until all are DONE."""
    ops = result if isinstance(result, list) else [result]
    steps = set()
    for _ in range(600):
        infos = [call("operation.info", op["id"]) for op in ops]
        for info in infos:
            steps.add(info["step"])
            if info["step"] not in ("BILL", "WAIT", "RUN", "DONE"):
                raise SystemExit("operation failed: %s" % info.get("last_error"))
        if all(info["step"] == "DONE" for info in infos):
            return sorted(steps)
        time.sleep(0.05)
    raise SystemExit("operations never finished")


# Webacc.usable_id -> from_name / from_ip / from_vhost, all through hosting.rproxy.list
def usable_id(ident):
    for webacc in call("hosting.rproxy.list", {}):
        if webacc["name"] == ident:
            return webacc["id"]
    for webacc in call("hosting.rproxy.list", {}):
        for server in webacc["servers"]:
            if server["ip"] == ident:
                return webacc["id"]
    for webacc in call("hosting.rproxy.list", {}):
        for vhost in webacc["vhosts"]:
            if vhost["name"] == ident:
                return webacc["id"]
    raise SystemExit("unknown identifier %s" % ident)


def step(name, value):
    seen["steps"].append(name)
    seen[name] = value


# Two backends: the demo VMs' addresses would do, but FR-SD3 only has web01; a typed one is fine.
web01 = call("hosting.vm.list", {"hostname": "web01"})[0]
ip_info = call("hosting.ip.list", {"vm_id": web01["id"], "version": 4})[0]
backend_ip = ip_info["ip"]

# gandi webacc create -dc FR-SD3 -b IP:80 -v www.example.com --algorithm round-robin lb01
dc = [d for d in call("hosting.datacenter.list", {}) if d["dc_code"] == "FR-SD3"][0]
params = {
    "datacenter_id": int(dc["id"]),
    "name": "lb01",
    "lb": {"algorithm": "round-robin"},
    "override": True,
    "ssl_enable": False,
    "zone_alter": False,
}
params["vhosts"] = ("www.example.com",)
params["servers"] = ({"ip": backend_ip, "port": 80},)
result = call("hosting.rproxy.create", params)
step("create", {"types": [op["type"] for op in result], "steps": display_progress(result)})

rproxy_id = usable_id("lb01")
info = call("hosting.rproxy.info", rproxy_id)
step(
    "info",
    {
        "name": info["name"],
        "state": info["state"],
        "algorithm": info["lb"]["algorithm"],
        "datacenter": info["datacenter"]["name"],
        "vhosts": [v["name"] for v in info["vhosts"]],
        "servers": [(s["ip"], s["port"], s["state"]) for s in info["servers"]],
    },
)

# gandi webacc add lb01 -b 192.0.2.10:8080
oper = call("hosting.rproxy.server.create", usable_id("lb01"), {"ip": "192.0.2.10", "port": 8080})
step("server_add", display_progress(oper))

# gandi webacc disable -b 192.0.2.10:8080 / enable -b …  (backend_list then the server id)
backend = {"ip": "192.0.2.10", "port": 8080}
server = call("hosting.rproxy.server.list", backend)
oper = call("hosting.rproxy.server.disable", server[0]["id"])
display_progress(oper)
step("server_disable", call("hosting.rproxy.server.list", backend)[0]["state"])
server = call("hosting.rproxy.server.list", backend)
oper = call("hosting.rproxy.server.enable", server[0]["id"])
display_progress(oper)
step("server_enable", call("hosting.rproxy.server.list", backend)[0]["state"])

# gandi webacc add lb01 -v shop.unvalidated.test  -> 580142, then get_dns_entries
try:
    call("hosting.rproxy.vhost.create", usable_id("lb01"), {"vhost": "shop.unvalidated.test"})
    step("vhost_refused", None)
except xmlrpc.client.Fault as err:
    dcinfo = call("hosting.rproxy.info", usable_id("lb01"))
    dns_entry = call(
        "hosting.rproxy.vhost.get_dns_entries",
        {"datacenter": dcinfo["datacenter"]["id"], "vhost": "shop.unvalidated.test"},
    )
    txt_record = '%s 3600 IN TXT "%s=%s"' % (dns_entry["key"], dns_entry["key"], dns_entry["txt"])
    cname_record = "%s 3600 IN CNAME %s" % (dns_entry["key"], dns_entry["cname"])
    step(
        "vhost_refused",
        {
            "code": err.faultCode,
            "keys": sorted(dns_entry),
            "domain": dns_entry["domain"],
            "txt_record": txt_record,
            "cname_record": cname_record,
        },
    )

# gandi webacc add lb01 -v api.example.com --zone-alter
oper = call(
    "hosting.rproxy.vhost.create", usable_id("lb01"), {"vhost": "api.example.com", "zone_alter": True}
)
step("vhost_add", display_progress(oper))

# gandi webacc delete -v api.example.com
oper = call("hosting.rproxy.vhost.delete", "api.example.com")
step("vhost_delete", display_progress(oper))

# gandi webacc probe lb01 --enable -h www.example.com -i 10 -m GET -r 200 -t 3 --timeout 5 -u / -w 5
probe = {
    "host": "www.example.com",
    "interval": 10,
    "method": "GET",
    "response": 200,
    "threshold": 3,
    "timeout": 5,
    "url": "/",
    "window": 5,
}
probe["enable"] = True
result = call("hosting.rproxy.probe.update", usable_id("lb01"), probe)
step("probe_update", display_progress(result))

# gandi webacc probe lb01 --test  (every option None)
nothing = dict.fromkeys(probe)
del nothing["enable"]
result = call("hosting.rproxy.probe.test", usable_id("lb01"), nothing)
step(
    "probe_test",
    {
        "status": result["status"],
        "timeout_type": type(result["timeout"]).__name__,
        "servers": [(s["status"], type(s["timeout"]).__name__) for s in result["servers"]],
    },
)

# gandi webacc delete -b 192.0.2.10:8080
server = call("hosting.rproxy.server.list", backend)
oper = call("hosting.rproxy.server.delete", server[0]["id"])
display_progress(oper)
step("server_delete", call("hosting.rproxy.server.count", backend))

# gandi webacc delete -w lb01
result = call("hosting.rproxy.delete", usable_id("lb01"))
display_progress(result)
step("delete", call("hosting.rproxy.count", {}))

print(json.dumps(seen, default=str))
