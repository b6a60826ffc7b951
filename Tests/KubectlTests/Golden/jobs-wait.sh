kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle 'print bpi(2000)'
kubectl wait --for=condition=complete job/pi --timeout=120s
kubectl get job pi
kubectl create job fail --image=busybox:1.28 -- sh -c 'exit 1'
kubectl wait --for=condition=complete job/fail --timeout=20s
kubectl wait --for=condition=failed job/fail --timeout=15m
kubectl get job fail -o jsonpath='{.status.failed}{"\n"}'
kubectl wait --for=jsonpath='{.status.succeeded}'=1 job/pi
kubectl wait --for=condition=Ready pod -l job-name=pi --timeout=1s
kubectl wait --for=foo job/pi
kubectl wait --for=condition=complete job/nope
kubectl wait --for=condition=complete
kubectl delete job pi --wait=false
kubectl wait --for=delete job/pi --timeout=60s
