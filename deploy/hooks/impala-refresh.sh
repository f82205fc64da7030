#!/bin/sh
# A Hooks:AfterDate hook for Impala: after the worker wrote a date, Impala sees it. The first time for a date
# (PROXYTHREAT_NEW_DATE=1) ALTER TABLE ... RECOVER PARTITIONS adds the date's new partition folders to the
# metastore; every time REFRESH ... PARTITION loads the files written there. See the README, "The after-date hook".
#
# Its arguments go to impala-shell as they are, e.g. in /etc/proxythreat/appsettings.json:
#   "Hooks": { "AfterDate": [ "/opt/proxythreat/hooks/impala-refresh.sh",
#                             "-i", "impalad.example.org:21000", "-d", "spot", "-k", "--ssl" ] }
# (-d: Spot's database, DBNAME in spot.conf; -k --ssl: a Kerberos cluster with TLS.)
# Environment: IMPALA_SHELL, the impala-shell to run (default: the one on PATH); HOOK_KEYTAB and HOOK_PRINCIPAL,
# to log in from a keytab into a ticket cache of the hook's own (in the unit's private /tmp).
set -eu

if [ -n "${HOOK_KEYTAB:-}" ]; then
    export KRB5CCNAME="FILE:${TMPDIR:-/tmp}/proxythreat-hook-krb5cc"
    kinit -k -t "$HOOK_KEYTAB" "${HOOK_PRINCIPAL:?HOOK_PRINCIPAL names the keytab's principal}"
fi

sql=
for table in $PROXYTHREAT_TABLES; do
    if [ "$PROXYTHREAT_NEW_DATE" = 1 ]; then
        sql="${sql}ALTER TABLE $table RECOVER PARTITIONS; "
    fi
    sql="${sql}REFRESH $table PARTITION ($PROXYTHREAT_PARTITION); "
done

# --quiet: impala-shell writes its progress to standard error, which the worker logs as warnings.
exec "${IMPALA_SHELL:-impala-shell}" --quiet "$@" -q "$sql"
