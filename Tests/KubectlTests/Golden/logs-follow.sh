# kubectl logs -f streams a container's lines until it stops.
kubectl create job c --image=busybox:1.28 -- sh -c 'for i in 1 2 3; do echo tick $i; sleep 5; done'
kubectl logs -f job/c
sleep 5
kubectl logs -f job/c
kubectl get jobs
kubectl logs job/c --tail=1 --timestamps
