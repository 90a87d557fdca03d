vcl 4.1;
# The caching front of the public label page (Debian: apt-get install varnish): between the
# TLS-terminating proxy (deploy/Caddyfile or deploy/nginx.conf) and the app instances. Every scan
# of a label asks for /labels/N; Varnish answers it from memory and asks an instance only on a
# miss, and the app bans a certificate's answers here when its status changes (README, "Caching
# of the public page"). Every other request passes through untouched.
#
#   varnishd -a public=:6081 -a purge=10.0.0.10:6091 -f /etc/varnish/carbonlabel.vcl -s malloc,256m
#
# Point the TLS proxy at the `public` listener; set FRONT_CACHE_PURGE_URLS=http://10.0.0.10:6091
# on the instances (the `purge` listener, on an address only they reach). Put in your instance(s):
# with several, declare one backend each and a round-robin director (vmod_directors), or run one
# Varnish beside each instance and list every front's purge listener on every instance.

import std;

backend default {
    .host = "127.0.0.1";
    .port = "3000";
}

sub vcl_recv {
    # Bans come only on the purge listener, never through the TLS proxy: a request that reaches
    # the public listener with this method is refused like any other unknown method.
    if (req.method == "BAN") {
        if (local.socket != "purge") {
            return (synth(405, "Method Not Allowed"));
        }
        if (req.http.X-Certificate-Number !~ "^[A-Z0-9-]+$") {
            return (synth(400, "X-Certificate-Number must be a certificate number"));
        }
        ban("obj.http.X-Certificate-Number == " + req.http.X-Certificate-Number);
        return (synth(204, "Banned"));
    }
    if (local.socket == "purge") {
        return (synth(405, "Method Not Allowed"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The router's payload of a client-side navigation: not cached here.
    if (req.http.RSC || req.http.Next-Router-Prefetch) {
        return (pass);
    }
    # The printed address: choose the answer here as the app's router does
    # (lib/http/label-page-routes.ts, labelPageRewrites) and cache it under the address it is
    # rewritten to, which alone decides it: JSON when asked for, else the language cookie, else
    # English when Accept-Language's first tag in zh or en is en, else Chinese. Whatever this
    # choice, the answer cached under an address is that address's own.
    if (req.url ~ "^/labels/[A-Za-z0-9-]+$") {
        if (req.http.Accept ~ "application/json") {
            set req.url = "/api" + req.url;
        } elsif (req.http.Cookie ~ "(^|;)[ ]*NEXT_LOCALE=(zh-CN|en)[ ]*(;|$)") {
            set req.url = "/" + regsub(req.http.Cookie, "^(.*;)?[ ]*NEXT_LOCALE=(zh-CN|en)[ ]*(;.*)?$", "\2") + req.url;
        } elsif (req.http.Accept-Language ~ "^(?:[ \t]*(?![ \t]|[zZ][hH]|[eE][nN])[^,]*,)*[ \t]*[eE][nN].*$") {
            set req.url = "/en" + req.url;
        } else {
            set req.url = "/zh-CN" + req.url;
        }
    }
    if (req.url !~ "^/(zh-CN|en|api)/labels/[A-Za-z0-9-]+$") {
        return (pass);
    }
    # The page and its JSON are the same for everyone: no cookie reaches the cache or the app.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # The answer over HTTPS carries HSTS and upgrade-insecure-requests; over HTTP it does not.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    if (bereq.url ~ "^/(zh-CN|en|api)/labels/[A-Za-z0-9-]+$") {
        # Bans match this header: the number as the app normalizes it (upper case).
        set beresp.http.X-Certificate-Number = std.toupper(regsub(bereq.url, "^/(zh-CN|en|api)/labels/", ""));
        if (beresp.http.Set-Cookie) {
            # Never the case for these answers; were it, a cookie meant for one visitor would
            # be handed to everyone.
            set beresp.uncacheable = true;
            set beresp.ttl = 0s;
        } elsif (beresp.status == 200 || beresp.status == 404) {
            # Served 10 s at most: a ban removes it at once on a status change made through the
            # app, and this bounds what a ban cannot reach (an answer fetched just before it,
            # the change of day that expires a certificate, a change made outside the portal).
            # Fresh for 5 s; in the next 5 s a request still gets it while Varnish fetches the
            # next one in the background, so under load no visitor waits for a refresh (the
            # instance can take far longer than the front when it is busy).
            # The app's own Cache-Control (max-age=0) still tells browsers to ask every time.
            set beresp.ttl = 5s;
            set beresp.grace = 5s;
        } else {
            # An error (a database outage the instance has no cached page for) is never kept.
            set beresp.uncacheable = true;
            set beresp.ttl = 0s;
        }
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.X-Certificate-Number;
    unset resp.http.Via;
}
