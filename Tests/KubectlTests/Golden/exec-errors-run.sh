kubectl exec
kubectl exec dns-test
kubectl exec dns-test -- sh
kubectl run
kubectl run dns-test
kubectl run dns-test --image=busybox:1.28 --restart=Sometimes
kubectl run dns-test --image=busybox:1.28 --rm -- sh
kubectl run dns-test --image=busybox:1.28 -t -- sh
kubectl run web --image=nginx:1.14 --dry-run=client -o yaml
kubectl run web --image=nginx:1.14 --port=80
kubectl exec web -- hostname
kubectl get pod web --show-labels
sleep 20
kubectl exec web -- hostname
kubectl exec web -- nslookup kubernetes
kubectl exec web -c nope -- ls
kubectl exec -it web -- bash
cat /usr/share/nginx/html/index.html | grep title
cd /usr/share/nginx/html
nslookup web
exit
kubectl run -it --rm dns-test --image=busybox:1.28 --restart=Never -- sh
nslookup kubernetes.default
exit 2
echo $?
kubectl get pod dns-test
kubectl run -it bb --image=busybox:1.36 -- sh
nslookup kubernetes
exit
kubectl get pod bb
kubectl run once --image=busybox:1.28 --restart=Never -- sh -c 'echo done'
sleep 10
kubectl exec once -- sh
kubectl logs once
